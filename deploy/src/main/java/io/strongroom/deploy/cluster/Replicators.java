package io.strongroom.deploy.cluster;

import io.micrometer.core.instrument.MeterRegistry;
import io.strongroom.coordination.PeerRegistry;
import io.strongroom.core.crypto.EnvelopeCipher;
import io.strongroom.core.query.ReadModel;
import io.strongroom.kafka.KafkaSettings;
import io.strongroom.kafka.Topics;
import io.strongroom.replicator.Replicator;
import io.strongroom.replicator.ReplicatorConfig;
import org.apache.curator.framework.CuratorFramework;

/** How a deployment builds its replicator instance: targets from the region's peer registry. */
final class Replicators {
    private Replicators() {}

    static Replicator start(String region, KafkaSettings kafka, Topics topics, ReplicationSettings settings,
            ReadModel readModel, EnvelopeCipher cipher, CuratorFramework curator, PeerRegistry registry,
            MeterRegistry meters) {
        return new Replicator(ReplicatorConfig.builder()
                .region(region)
                .kafka(kafka)
                .topics(topics)
                .peers(registry::peers)
                .readModel(readModel)
                .cipher(cipher)
                .curator(curator)
                .ackTimeout(settings.ackTimeout())
                .meters(meters)
                .build()).start();
    }
}
