package io.strongroom.replicator;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.strongroom.coordination.ZooKeeperSettings;
import io.strongroom.core.crypto.EnvelopeCipher;
import io.strongroom.core.query.ReadModel;
import io.strongroom.core.replication.PeerRegion;
import io.strongroom.kafka.KafkaSettings;
import io.strongroom.kafka.Topics;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;
import org.apache.curator.framework.CuratorFramework;

/**
 * What a {@link Replicator} needs; build it with {@link #builder()}.
 *
 * @param region the own region's name (the primary of the secrets it carries)
 * @param kafka the own region's cluster; {@code topics} its topic names
 * @param peerTopics the topic names in every peer's cluster (by default the same names as the own)
 * @param peers the regions to replicate to, asked again every {@code peerRefresh} (the own region is skipped)
 * @param readModel the own region's projection: where the wrapped data keys of versions are read
 * @param cipher the own region's master keys: opens data keys to re-wrap them for a target's public key
 * @param curator a started ZooKeeper client of the own region, owned by the caller; or null, and then
 * @param zookeeper the settings the replicator builds (and closes) its own client from. Either way the
 *     client's session timeout bounds how fast a standby takes over from a crashed leader
 * @param ackTimeout how long a command to a target may go unanswered before the target counts as unreachable
 * @param inFlightWindow how many own-log records may wait for a target's answer at once
 * @param maxBackoff the longest pause between retries to an unreachable target
 * @param commandValidity the deadline of each command sent (now + this); a target rejects it after that
 * @param instanceId this instance's name in the latch, client ids and logs
 */
public record ReplicatorConfig(
        String region,
        KafkaSettings kafka,
        Topics topics,
        Topics peerTopics,
        Supplier<List<PeerRegion>> peers,
        ReadModel readModel,
        EnvelopeCipher cipher,
        CuratorFramework curator,
        ZooKeeperSettings zookeeper,
        Duration ackTimeout,
        int inFlightWindow,
        Duration maxBackoff,
        Duration peerRefresh,
        Duration commandValidity,
        MeterRegistry meters,
        Clock clock,
        String instanceId) {

    public ReplicatorConfig {
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(kafka, "kafka");
        Objects.requireNonNull(topics, "topics");
        Objects.requireNonNull(peers, "peers");
        Objects.requireNonNull(readModel, "readModel");
        Objects.requireNonNull(cipher, "cipher");
        if ((curator == null) == (zookeeper == null)) {
            throw new IllegalArgumentException("give either a ZooKeeper client or ZooKeeper settings");
        }
        if (inFlightWindow < 1) {
            throw new IllegalArgumentException("inFlightWindow must be at least 1");
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The region's one latch: whoever holds it replicates. */
    public String leaderPath() {
        return "/strongroom/" + region + "/replicator/leader";
    }

    /** The consumer group whose committed offsets are this region's position towards one target. */
    public String groupFor(String target) {
        return "strongroom-replicator-" + region + "-to-" + target;
    }

    public static final class Builder {
        private String region;
        private KafkaSettings kafka;
        private Topics topics;
        private Topics peerTopics;
        private Supplier<List<PeerRegion>> peers;
        private ReadModel readModel;
        private EnvelopeCipher cipher;
        private CuratorFramework curator;
        private ZooKeeperSettings zookeeper;
        private Duration ackTimeout = Duration.ofSeconds(10);
        private int inFlightWindow = 256;
        private Duration maxBackoff = Duration.ofSeconds(30);
        private Duration peerRefresh = Duration.ofSeconds(2);
        private Duration commandValidity = Duration.ofHours(1);
        private MeterRegistry meters = new SimpleMeterRegistry();
        private Clock clock = Clock.systemUTC();
        private String instanceId = "replicator-" + ProcessHandle.current().pid() + "-"
                + UUID.randomUUID().toString().substring(0, 8);

        private Builder() {}

        public Builder region(String region) {
            this.region = region;
            return this;
        }

        public Builder kafka(KafkaSettings kafka) {
            this.kafka = kafka;
            return this;
        }

        public Builder topics(Topics topics) {
            this.topics = topics;
            return this;
        }

        public Builder peerTopics(Topics peerTopics) {
            this.peerTopics = peerTopics;
            return this;
        }

        public Builder peers(Supplier<List<PeerRegion>> peers) {
            this.peers = peers;
            return this;
        }

        public Builder readModel(ReadModel readModel) {
            this.readModel = readModel;
            return this;
        }

        public Builder cipher(EnvelopeCipher cipher) {
            this.cipher = cipher;
            return this;
        }

        public Builder curator(CuratorFramework curator) {
            this.curator = curator;
            return this;
        }

        public Builder zookeeper(ZooKeeperSettings zookeeper) {
            this.zookeeper = zookeeper;
            return this;
        }

        public Builder ackTimeout(Duration ackTimeout) {
            this.ackTimeout = ackTimeout;
            return this;
        }

        public Builder inFlightWindow(int inFlightWindow) {
            this.inFlightWindow = inFlightWindow;
            return this;
        }

        public Builder maxBackoff(Duration maxBackoff) {
            this.maxBackoff = maxBackoff;
            return this;
        }

        public Builder peerRefresh(Duration peerRefresh) {
            this.peerRefresh = peerRefresh;
            return this;
        }

        public Builder commandValidity(Duration validity) {
            this.commandValidity = validity;
            return this;
        }

        public Builder meters(MeterRegistry meters) {
            this.meters = meters;
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        public Builder instanceId(String instanceId) {
            this.instanceId = instanceId;
            return this;
        }

        public ReplicatorConfig build() {
            return new ReplicatorConfig(region, kafka, topics, peerTopics == null ? topics : peerTopics, peers,
                    readModel, cipher, curator, zookeeper, ackTimeout, inFlightWindow, maxBackoff, peerRefresh, commandValidity,
                    meters, clock, instanceId);
        }
    }
}
