package io.strongroom.scheduler.index;

import io.strongroom.core.command.PurgeSecret;
import io.strongroom.core.error.AwsErrorCode;
import io.strongroom.core.error.Rejection;
import io.strongroom.core.event.DeletionScheduled;
import io.strongroom.core.event.EventEnvelope;
import io.strongroom.core.event.Outcome;
import io.strongroom.core.event.ReplicaEstablished;
import io.strongroom.core.event.ReplicaPromoted;
import io.strongroom.core.event.SecretPurged;
import io.strongroom.core.event.SecretRestored;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The secrets scheduled for deletion in a region, folded from the outcomes on the events topic.
 * Pure: the caller reads the log and supplies the times.
 *
 * <p>A secret enters on DeletionScheduled (a later one replaces its date) and leaves on SecretPurged
 * or SecretRestored. Should it leave the schedule any other way, it leaves when its purge is rejected
 * as not scheduled or not found: one rejected command, and correctness never depends on this index. A purge
 * rejected as not yet due (the scheduler's clock ran ahead) or expired is simply sent again later.
 *
 * <p>A purge sent is not sent again before {@code retryAfter} (real time) unless its rejection said to retry.
 *
 * <p>A replica's deletion follows its primary (the primary's purge reaches it through replication), so
 * a replica (from ReplicaEstablished) is never due; once promoted (ReplicaPromoted) it is a secret of
 * this region like any other, and a deletion it was scheduled for becomes this scheduler's to carry out.
 */
public final class ScheduledDeletions {
    private final Map<String, ScheduledDeletion> bySecretId = new HashMap<>();
    private final Map<String, Long> sentAtNanos = new HashMap<>();
    private final Set<String> replicas = new HashSet<>();

    /**
     * What the index knows, apart from the purges in flight (which a restart sends again, harmlessly).
     *
     * @param replicas the secrets of this region that are replicas (never due here)
     */
    public record Snapshot(List<ScheduledDeletion> scheduled, List<String> replicas) {
        public Snapshot {
            scheduled = scheduled == null ? List.of() : List.copyOf(scheduled);
            replicas = replicas == null ? List.of() : List.copyOf(replicas);
        }
    }

    public ScheduledDeletions() {}

    /** The index as it was when {@code snapshot} was taken. */
    public ScheduledDeletions(Snapshot snapshot) {
        snapshot.scheduled().forEach(d -> bySecretId.put(d.secretId(), d));
        replicas.addAll(snapshot.replicas());
    }

    public Snapshot snapshot() {
        return new Snapshot(List.copyOf(bySecretId.values()), List.copyOf(replicas));
    }

    /** Folds one record of the events topic, keyed by {@code stem}. */
    public void apply(String stem, Outcome outcome) {
        if (outcome.status() == Outcome.Status.REJECTED) {
            PurgeCommands.secretIdOf(outcome.commandId()).ifPresent(id -> purgeRejected(id, outcome.rejection()));
            return;
        }
        for (EventEnvelope event : outcome.events()) {
            if (event.payload() instanceof DeletionScheduled scheduled) {
                bySecretId.put(event.secretId(),
                        new ScheduledDeletion(event.secretId(), event.account(), stem, scheduled.deletionDate()));
                sentAtNanos.remove(event.secretId());
            } else if (event.payload() instanceof SecretPurged) {
                purged(event.secretId());
            } else if (event.payload() instanceof SecretRestored) {
                forget(event.secretId());
            } else if (event.payload() instanceof ReplicaEstablished) {
                replicas.add(event.secretId());
            } else if (event.payload() instanceof ReplicaPromoted) {
                replicas.remove(event.secretId());
            }
        }
    }

    private void purgeRejected(String secretId, Rejection rejection) {
        boolean retry = rejection != null && (rejection.code() == AwsErrorCode.INTERNAL_SERVICE_ERROR
                || PurgeSecret.NOT_DUE.equals(rejection.message()));
        if (retry) {
            sentAtNanos.remove(secretId);
        } else {
            forget(secretId);
        }
    }

    private void forget(String secretId) {
        bySecretId.remove(secretId);
        sentAtNanos.remove(secretId);
    }

    private void purged(String secretId) {
        forget(secretId);
        replicas.remove(secretId);
    }

    /** The secrets due at {@code now} whose purge has not been sent within {@code retryAfter} of {@code nanos}. */
    public List<ScheduledDeletion> due(Instant now, long nanos, Duration retryAfter) {
        return bySecretId.values().stream()
                .filter(d -> !replicas.contains(d.secretId()))
                .filter(d -> d.isDue(now))
                .filter(d -> {
                    Long sent = sentAtNanos.get(d.secretId());
                    return sent == null || nanos - sent >= retryAfter.toNanos();
                })
                .toList();
    }

    public void sent(String secretId, long nanos) {
        sentAtNanos.put(secretId, nanos);
    }

    public boolean contains(String secretId) {
        return bySecretId.containsKey(secretId);
    }

    public int size() {
        return bySecretId.size();
    }
}
