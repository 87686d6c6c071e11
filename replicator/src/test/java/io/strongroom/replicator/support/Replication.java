package io.strongroom.replicator.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.strongroom.core.crypto.EnvelopeCipher;
import io.strongroom.core.crypto.SealedValue;
import io.strongroom.core.replication.ReplicaStatus;
import io.strongroom.core.replication.ReplicationState;
import io.strongroom.core.secret.SecretState;
import io.strongroom.core.secret.SecretVersion;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/** What a test asks of a primary region and one replica region: statuses, replica contents, the log checks. */
public final class Replication {
    private final TestRegion primary;
    private final TestRegion replica;

    public Replication(TestRegion primary, TestRegion replica) {
        this.primary = primary;
        this.replica = replica;
    }

    /** As if the replicator had lost the records up to now: its group's positions moved to the end. */
    public void skipEverythingReadSoFar() {
        String group = "strongroom-replicator-" + primary.name + "-to-" + replica.name;
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(primary.kafka().consumer("skip", group))) {
            List<TopicPartition> partitions = consumer.partitionsFor(primary.topics.events()).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            java.util.Map<TopicPartition, OffsetAndMetadata> ends = new java.util.HashMap<>();
            partitions.forEach(tp -> ends.put(tp, new OffsetAndMetadata(consumer.position(tp))));
            consumer.commitSync(ends);
        }
    }

    public void awaitInSync(Writes secret) {
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                Optional<SecretState> state = primaryState(secret);
                return state.isPresent() && status(secret)
                        .filter(s -> s.status() == ReplicationState.IN_SYNC && s.ackedSeq() == state.get().seq())
                        .isPresent();
            });
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("not in sync: primary seq " + primaryState(secret).map(SecretState::seq)
                    + ", status " + status(secret) + ", replica answers " + EventsLog.outcomes(replica).stream()
                    .filter(o -> secret.secretId().equals(o.secretId()) || o.replica() != null)
                    .map(o -> o.status() + "/" + o.replica() + "/" + o.rejection()).toList(), e);
        }
    }

    public Optional<ReplicaStatus> status(Writes secret) {
        return primaryState(secret).flatMap(s -> s.replicas().stream().filter(r -> r.region().equals(replica.name))
                .findFirst());
    }

    public Optional<SecretState> primaryState(Writes secret) {
        return get(primary.projection().readModel().secret(TestRegion.ACCOUNT, secret.name()));
    }

    public Optional<SecretState> replicaState(Writes secret) {
        return get(replica.projection().readModel().secret(TestRegion.ACCOUNT, secret.name()));
    }

    /** The master key (name#version) the replica region wrapped the current version's data key under. */
    public String replicaMasterKeyOfCurrentVersion(Writes secret) {
        SecretState state = replicaState(secret).orElseThrow();
        SecretVersion current = state.versionWithStage("AWSCURRENT").orElseThrow();
        return get(replica.projection().readModel().dataKey(state.secretId(), current.versionId())).orElseThrow()
                .masterKeyId();
    }

    /** The replica's current value, opened with the replica region's own master key. */
    public String currentValueInReplica(Writes secret) {
        await().atMost(Duration.ofSeconds(30)).until(() -> replicaState(secret)
                .filter(s -> s.seq() == primaryState(secret).orElseThrow().seq()).isPresent());
        SecretState state = replicaState(secret).orElseThrow();
        SecretVersion current = state.versionWithStage("AWSCURRENT").orElseThrow();
        SealedValue sealed = get(replica.projection().readModel().sealedValue(state.secretId(), current.versionId()))
                .orElseThrow();
        byte[] value = replica.cipher.open(sealed.value(), sealed.wrappedKey(),
                EnvelopeCipher.associatedData(TestRegion.ACCOUNT, state.secretId(), current.versionId())).orElseThrow();
        return new String(value, StandardCharsets.UTF_8);
    }

    /** The no-loss / no-duplicate check: the replica applied each of the primary's sequence numbers exactly once. */
    public void assertEachChangeAppliedOnce(Writes secret) {
        long seq = primaryState(secret).orElseThrow().seq();
        assertThat(EventsLog.appliedSeqs(replica, secret.secretId()))
                .containsExactlyElementsOf(LongStream.rangeClosed(1, seq).boxed().toList());
    }

    private static <T> T get(java.util.concurrent.CompletableFuture<T> future) {
        try {
            return future.get(15, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
