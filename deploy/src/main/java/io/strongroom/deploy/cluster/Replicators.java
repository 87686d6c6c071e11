package io.strongroom.deploy.cluster;

import io.strongroom.coordination.PeerRegistry;
import io.strongroom.core.crypto.EnvelopeCipher;
import io.strongroom.core.query.ReadModel;
import io.strongroom.kafka.KafkaSettings;
import io.strongroom.kafka.Topics;
import org.apache.curator.framework.CuratorFramework;

/** Builds and starts the replicator module's {@code Replicator} (placeholder until the module lands). */
final class Replicators {
    private Replicators() {}

    static AutoCloseable start(String region, KafkaSettings kafka, Topics topics, ReplicationSettings settings,
            ReadModel readModel, EnvelopeCipher cipher, CuratorFramework curator, PeerRegistry registry) {
        throw new UnsupportedOperationException("the replicator module is not merged yet");
    }
}
