package io.strongroom.core.aggregate;

import io.strongroom.core.command.ApplyReplicaDelta;
import io.strongroom.core.command.CommandEnvelope;
import io.strongroom.core.command.Command;
import io.strongroom.core.crypto.WrappedKey;
import io.strongroom.core.event.EventEnvelope;
import io.strongroom.core.event.ReplicaEstablished;
import io.strongroom.core.event.SecretEvent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The primary's side of the replication scenarios: the aggregate under test plays the replica region ({@link Fixtures#REGION}). */
final class ReplicationFixtures {
    static final String PRIMARY_REGION = "us-east-1";
    static final String OTHER_REGION = "ap-south-1";
    static final String PRIMARY_PRINCIPAL = "arn:aws:iam::111122223333:user/bob";
    static final String REPLICATOR = "strongroom:replicator";
    static final String REPLICA_KEY = "alias/replica-key";
    static final Instant PRIMARY_T = Fixtures.T0.minusSeconds(600);

    private ReplicationFixtures() {}

    /** How the replica holds a secret once established (the given events of a replica). */
    static ReplicaEstablished established() {
        return new ReplicaEstablished(PRIMARY_REGION, REPLICA_KEY);
    }

    /** One of the primary's events as the replicator carries it: its seq, its region, its time and principal. */
    static EventEnvelope primary(long seq, SecretEvent payload) {
        return new EventEnvelope(EventEnvelope.CURRENT_VERSION, "p-cmd-" + seq + ":0", "p-cmd-" + seq,
                Fixtures.SECRET_ID, Fixtures.ACCOUNT, seq, PRIMARY_REGION, PRIMARY_PRINCIPAL,
                PRIMARY_T.plusSeconds(seq), payload);
    }

    /** Consecutive primary events from {@code firstSeq}. */
    static List<EventEnvelope> primaryFrom(long firstSeq, SecretEvent... payloads) {
        List<EventEnvelope> events = new ArrayList<>();
        for (int i = 0; i < payloads.length; i++) {
            events.add(primary(firstSeq + i, payloads[i]));
        }
        return events;
    }

    /** A delta whose data keys the replica's command-service imported (one per version added). */
    static ApplyReplicaDelta delta(List<EventEnvelope> events, Map<String, WrappedKey> importedKeys) {
        return new ApplyReplicaDelta(PRIMARY_REGION, Fixtures.SECRET_ID, REPLICA_KEY, false, events, Map.of(),
                importedKeys);
    }

    static ApplyReplicaDelta delta(List<EventEnvelope> events) {
        return delta(events, Map.of());
    }

    static WrappedKey replicaKey(String versionId) {
        return new WrappedKey(REPLICA_KEY + "#1", ("replica-" + versionId).getBytes(StandardCharsets.UTF_8));
    }

    /** The replicator's command: addressed by the secret's name, no expected incarnation. */
    static CommandEnvelope fromReplicator(Command payload) {
        return new CommandEnvelope("r-cmd-1", Fixtures.ACCOUNT, REPLICATOR, Fixtures.NOW.plusSeconds(30),
                Fixtures.NAME, null, payload);
    }
}
