package io.strongroom.core.aggregate;

import io.strongroom.core.command.ApplyReplicaDelta;
import io.strongroom.core.command.CommandEnvelope;
import io.strongroom.core.command.CreateSecret;
import io.strongroom.core.command.DeleteResourcePolicy;
import io.strongroom.core.command.DeleteSecret;
import io.strongroom.core.command.ForgetReplica;
import io.strongroom.core.command.NewValue;
import io.strongroom.core.command.OverwriteForReplica;
import io.strongroom.core.command.PutResourcePolicy;
import io.strongroom.core.command.PurgeSecret;
import io.strongroom.core.command.PutSecretValue;
import io.strongroom.core.command.RemoveRegionsFromReplication;
import io.strongroom.core.command.RemoveReplica;
import io.strongroom.core.command.ReplicateSecretToRegions;
import io.strongroom.core.command.ReportReplicationStatus;
import io.strongroom.core.command.RestoreSecret;
import io.strongroom.core.command.StopReplicationToReplica;
import io.strongroom.core.command.TagResource;
import io.strongroom.core.command.UntagResource;
import io.strongroom.core.command.UpdateSecret;
import io.strongroom.core.command.UpdateSecretVersionStage;
import io.strongroom.core.error.AwsErrorCode;
import io.strongroom.core.event.DeletionScheduled;
import io.strongroom.core.event.EventEnvelope;
import io.strongroom.core.event.ReplicaRegionsAdded;
import io.strongroom.core.event.ResourcePolicyDeleted;
import io.strongroom.core.event.ResourcePolicyPut;
import io.strongroom.core.event.SecretCreated;
import io.strongroom.core.event.SecretEvent;
import io.strongroom.core.event.SecretPurged;
import io.strongroom.core.event.SecretRestored;
import io.strongroom.core.event.SecretUpdated;
import io.strongroom.core.event.TagsRemoved;
import io.strongroom.core.event.TagsSet;
import io.strongroom.core.event.VersionAdded;
import io.strongroom.core.event.VersionStagesSet;
import io.strongroom.core.event.VersionsRemoved;
import io.strongroom.core.replication.ReplicableEvents;
import io.strongroom.core.secret.Lifecycle;
import io.strongroom.core.secret.SecretState;
import io.strongroom.core.secret.SecretVersion;
import io.strongroom.core.secret.StagingLabels;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The secret aggregate: {@link #decide} turns a command and the current state into events or a
 * rejection; {@link #evolve} folds one event into state. Pure: no I/O, no clock (time comes in as
 * {@code now}), so every rule here is tested without Kafka.
 *
 * <p>The request's shape (lengths, character sets, exclusive parameters) has been validated by the
 * gateway; decide checks only what depends on state.
 */
public final class SecretAggregate {
    static final String NOT_FOUND = "Secrets Manager can't find the specified secret.";
    static final String MARKED_FOR_DELETION =
            "You can't perform this operation on the secret because it was marked for deletion.";
    static final String VERSION_IMMUTABLE = "You can't modify an existing version, you can only create a new version.";
    static final String EXPIRED = "The request expired before Secrets Manager could process it. Retry the request.";
    static final int DEFAULT_RECOVERY_WINDOW_DAYS = 30;

    private SecretAggregate() {}

    /**
     * @param state the incarnation the command's SecretId resolves to (for CreateSecret: the live
     *     secret holding that name), or null if none
     */
    public static Decision decide(CommandEnvelope command, SecretState state, Instant now) {
        // A replica command is never stale: sequence numbers make a late one harmless, and the
        // replicator needs its reply whenever it is decided. Only client commands expire.
        Optional<Decision> replicaCommand = decideReplicaCommand(command, ReplicaRules.isLive(state) ? state : null);
        if (replicaCommand.isPresent()) {
            return replicaCommand.get();
        }
        if (now.isAfter(command.deadline())) {
            return reject(AwsErrorCode.INTERNAL_SERVICE_ERROR, EXPIRED);
        }
        if (command.payload() instanceof CreateSecret create) {
            return decideCreate(command, create, state);
        }
        if (state == null || state.lifecycle() == Lifecycle.PURGED) {
            return reject(AwsErrorCode.RESOURCE_NOT_FOUND, NOT_FOUND);
        }
        if (command.expectedSecretId() != null && !command.expectedSecretId().equals(state.secretId())) {
            // The secret the gateway encrypted for was purged and its name reused in between.
            return reject(AwsErrorCode.RESOURCE_NOT_FOUND, NOT_FOUND);
        }
        if (command.payload() instanceof ReportReplicationStatus report) {
            return ReplicationRules.report(report, state);
        }
        if (command.payload() instanceof ForgetReplica forget) {
            return ReplicationRules.forget(forget, state);
        }
        if (state.isReplica()) {
            if (command.payload() instanceof StopReplicationToReplica) {
                return ReplicaRules.promote(state);
            }
            if (!ReplicaRules.permittedOnReplica(command.payload())) {
                return reject(AwsErrorCode.INVALID_PARAMETER, ReplicaRules.NOT_PERMITTED_ON_REPLICA);
            }
        } else if (command.payload() instanceof StopReplicationToReplica) {
            return reject(AwsErrorCode.INVALID_REQUEST, ReplicaRules.NOT_A_REPLICA);
        }
        if (command.payload() instanceof PutSecretValue put) {
            return decidePut(put, state, now);
        }
        if (command.payload() instanceof UpdateSecret update) {
            return decideUpdate(update, state, now);
        }
        if (command.payload() instanceof DeleteSecret delete) {
            return ReplicationRules.refuseDeletionWithReplicas(state).orElseGet(() -> decideDelete(delete, state, now));
        }
        if (command.payload() instanceof PurgeSecret) {
            return decidePurge(state, now);
        }
        if (command.payload() instanceof RestoreSecret) {
            return state.isScheduledForDeletion()
                    ? new Decision.Accept(List.of(new SecretRestored()), List.of())
                    : new Decision.Accept(List.of(), List.of());
        }
        if (state.isScheduledForDeletion()) {
            // Every other change to a secret scheduled for deletion is refused until it is restored.
            return reject(AwsErrorCode.INVALID_REQUEST, MARKED_FOR_DELETION);
        }
        if (command.payload() instanceof TagResource tag) {
            return TagRules.tag(tag, state);
        }
        if (command.payload() instanceof UntagResource untag) {
            return TagRules.untag(untag, state);
        }
        if (command.payload() instanceof UpdateSecretVersionStage move) {
            return StageRules.move(move, state);
        }
        if (command.payload() instanceof PutResourcePolicy put) {
            return ResourcePolicyRules.put(put, state);
        }
        if (command.payload() instanceof DeleteResourcePolicy) {
            return ResourcePolicyRules.delete(state);
        }
        if (command.payload() instanceof ReplicateSecretToRegions replicate) {
            return ReplicationRules.replicate(replicate, state);
        }
        if (command.payload() instanceof RemoveRegionsFromReplication remove) {
            return ReplicationRules.remove(remove, state);
        }
        throw new IllegalArgumentException("no rule for command " + command.payload().getClass().getSimpleName());
    }

    /** The replicator's commands to a replica region, decided against the live secret holding the name (or null). */
    private static Optional<Decision> decideReplicaCommand(CommandEnvelope command, SecretState holder) {
        if (command.payload() instanceof ApplyReplicaDelta delta) {
            return Optional.of(ReplicaRules.applyDelta(delta, holder));
        }
        if (command.payload() instanceof RemoveReplica remove) {
            return Optional.of(ReplicaRules.remove(remove, holder));
        }
        if (command.payload() instanceof OverwriteForReplica overwrite) {
            return Optional.of(ReplicaRules.overwrite(overwrite, holder));
        }
        return Optional.empty();
    }

    private static Decision decideCreate(CommandEnvelope command, CreateSecret create, SecretState existing) {
        if (existing != null && existing.lifecycle() != Lifecycle.PURGED) {
            if (existing.isScheduledForDeletion()) {
                return reject(AwsErrorCode.INVALID_REQUEST,
                        "You can't create this secret because a secret with this name is already scheduled for deletion.");
            }
            if (create.clientRequestToken() != null && existing.version(create.clientRequestToken()).isPresent()) {
                return new Decision.Unchanged(create.clientRequestToken());
            }
            return reject(AwsErrorCode.RESOURCE_EXISTS,
                    "The operation failed because the secret " + create.name() + " already exists.");
        }
        List<SecretEvent> events = new ArrayList<>();
        List<KeyChange> keys = new ArrayList<>();
        events.add(new SecretCreated(create.name(), create.description(), create.kmsKeyId(), create.tags()));
        if (create.value() != null) {
            String versionId = create.clientRequestToken();
            events.add(new VersionAdded(versionId, create.value().value()));
            events.add(new VersionStagesSet(Map.of(versionId, List.of(StagingLabels.CURRENT))));
            keys.add(KeyChange.put(create.newSecretId(), versionId, create.value().wrappedKey()));
        }
        if (!create.addReplicaRegions().isEmpty()) {
            events.add(new ReplicaRegionsAdded(create.addReplicaRegions(), create.forceOverwriteReplicaSecret()));
        }
        return new Decision.Accept(events, keys);
    }

    private static Decision decidePut(PutSecretValue put, SecretState state, Instant now) {
        if (state.isScheduledForDeletion()) {
            return reject(AwsErrorCode.INVALID_REQUEST, MARKED_FOR_DELETION);
        }
        List<String> stages = put.versionStages() == null ? List.of(StagingLabels.CURRENT) : put.versionStages();
        return addVersion(state, put.clientRequestToken(), put.value(), stages, List.of(), List.of(), now);
    }

    private static Decision decideUpdate(UpdateSecret update, SecretState state, Instant now) {
        if (state.isScheduledForDeletion()) {
            return reject(AwsErrorCode.INVALID_REQUEST, MARKED_FOR_DELETION);
        }
        List<SecretEvent> metadata = new ArrayList<>();
        if (update.description() != null || update.kmsKeyId() != null) {
            metadata.add(new SecretUpdated(update.description(), update.kmsKeyId()));
        }
        List<KeyChange> rewrapped = rewrappedKeys(update, state);
        if (update.value() == null) {
            return new Decision.Accept(metadata, rewrapped);
        }
        return addVersion(state, update.clientRequestToken(), update.value(), List.of(StagingLabels.CURRENT), metadata,
                rewrapped, now);
    }

    /** A new KmsKeyId re-wraps the data keys of existing versions (the gateway sent them); a version gone meanwhile is skipped. */
    private static List<KeyChange> rewrappedKeys(UpdateSecret update, SecretState state) {
        if (update.kmsKeyId() == null) {
            return List.of();
        }
        return update.rewrappedKeys().entrySet().stream()
                .filter(e -> state.version(e.getKey()).isPresent())
                .sorted(Map.Entry.comparingByKey())
                .map(e -> KeyChange.put(state.secretId(), e.getKey(), e.getValue()))
                .toList();
    }

    /** @param keysBefore key records the command carries besides the new version's (re-wrapped keys) */
    private static Decision addVersion(SecretState state, String versionId, NewValue value, List<String> stages,
            List<SecretEvent> before, List<KeyChange> keysBefore, Instant now) {
        if (state.version(versionId).isPresent()) {
            return new Decision.Unchanged(versionId);
        }
        Map<String, List<String>> moved = StageMoves.attach(state, versionId, stages);
        Optional<List<String>> removed = VersionLimit.toRemove(state, moved, now);
        if (removed.isEmpty()) {
            return reject(AwsErrorCode.LIMIT_EXCEEDED, VersionLimit.TOO_MANY_VERSIONS);
        }
        List<SecretEvent> events = new ArrayList<>(before);
        events.add(new VersionAdded(versionId, value.value()));
        events.add(new VersionStagesSet(moved));
        List<KeyChange> keys = new ArrayList<>(keysBefore);
        keys.add(KeyChange.put(state.secretId(), versionId, value.wrappedKey()));
        if (!removed.get().isEmpty()) {
            events.add(new VersionsRemoved(removed.get()));
            removed.get().forEach(id -> keys.add(KeyChange.shred(state.secretId(), id)));
        }
        return new Decision.Accept(events, keys);
    }

    private static Decision decideDelete(DeleteSecret delete, SecretState state, Instant now) {
        if (delete.forceDeleteWithoutRecovery()) {
            return purge(state);
        }
        if (state.isScheduledForDeletion()) {
            return reject(AwsErrorCode.INVALID_REQUEST, MARKED_FOR_DELETION);
        }
        int days = delete.recoveryWindowInDays() == null ? DEFAULT_RECOVERY_WINDOW_DAYS : delete.recoveryWindowInDays();
        return new Decision.Accept(List.of(new DeletionScheduled(now.plus(Duration.ofDays(days)))), List.of());
    }

    /** The scheduler's purge: only once the recovery window has ended, else no effect. */
    private static Decision decidePurge(SecretState state, Instant now) {
        if (!state.isScheduledForDeletion()) {
            return reject(AwsErrorCode.INVALID_REQUEST, PurgeSecret.NOT_SCHEDULED);
        }
        if (now.isBefore(state.deletionDate())) {
            return reject(AwsErrorCode.INVALID_REQUEST, PurgeSecret.NOT_DUE);
        }
        return purge(state);
    }

    private static Decision purge(SecretState state) {
        List<KeyChange> shredded = state.versions().keySet().stream()
                .map(versionId -> KeyChange.shred(state.secretId(), versionId))
                .toList();
        return new Decision.Accept(List.of(new SecretPurged()), shredded);
    }

    private static Decision reject(AwsErrorCode code, String message) {
        return new Decision.Reject(code.reject(message));
    }

    /**
     * Folds one event into the state of its incarnation (null before SecretCreated). Throws
     * {@link IllegalStateException} for an event that cannot follow the state: SecretCreated on an
     * existing incarnation, any other event before SecretCreated, after the purge (terminal) or of
     * another incarnation.
     */
    public static SecretState evolve(SecretState state, EventEnvelope event) {
        if (state != null && state.lifecycle() == Lifecycle.PURGED) {
            throw new IllegalStateException(
                    "event " + event.eventId() + " after secret " + state.secretId() + " was purged");
        }
        if (state != null && !state.secretId().equals(event.secretId())) {
            throw new IllegalStateException(
                    "event " + event.eventId() + " of secret " + event.secretId() + " folded into " + state.secretId());
        }
        if (event.payload() instanceof SecretCreated created) {
            if (state != null) {
                throw new IllegalStateException(
                        "event " + event.eventId() + " creates existing secret " + state.secretId());
            }
            return new SecretState(event.secretId(), event.account(), event.region(), created.name(),
                    created.description(), created.kmsKeyId(), created.tags(), event.timestamp(), event.timestamp(),
                    null, null, Map.of(), event.seq(), Lifecycle.ACTIVE);
        }
        if (state == null) {
            throw new IllegalStateException("event " + event.eventId() + " for unknown secret " + event.secretId());
        }
        SecretState.Builder next = state.toBuilder();
        next.seq = event.seq();
        SecretEvent payload = event.payload();
        if (payload instanceof VersionAdded added) {
            next.addVersion(new SecretVersion(added.versionId(), List.of(), event.timestamp()));
            next.lastChangedDate = event.timestamp();
        } else if (payload instanceof VersionStagesSet set) {
            set.stagesByVersion().forEach(next::setStages);
        } else if (payload instanceof SecretUpdated updated) {
            if (updated.description() != null) {
                next.description = updated.description();
            }
            if (updated.kmsKeyId() != null) {
                next.kmsKeyId = updated.kmsKeyId();
            }
            next.lastChangedDate = event.timestamp();
        } else if (payload instanceof DeletionScheduled scheduled) {
            next.lifecycle = transition(state, Lifecycle.SCHEDULED_FOR_DELETION);
            next.deletedDate = event.timestamp();
            next.deletionDate = scheduled.deletionDate();
            next.lastChangedDate = event.timestamp();
        } else if (payload instanceof SecretPurged) {
            next.lifecycle = transition(state, Lifecycle.PURGED);
        } else if (payload instanceof SecretRestored) {
            next.lifecycle = transition(state, Lifecycle.ACTIVE);
            next.deletedDate = null;
            next.deletionDate = null;
            next.lastChangedDate = event.timestamp();
        } else if (payload instanceof TagsSet set) {
            next.tags = TagRules.merge(state.tags(), set.tags());
            next.lastChangedDate = event.timestamp();
        } else if (payload instanceof TagsRemoved removed) {
            next.tags = state.tags().stream().filter(tag -> !removed.tagKeys().contains(tag.key())).toList();
            next.lastChangedDate = event.timestamp();
        } else if (payload instanceof VersionsRemoved removed) {
            removed.versionIds().forEach(next::removeVersion);
        } else if (payload instanceof ResourcePolicyPut put) {
            next.resourcePolicy = put.resourcePolicy();
        } else if (payload instanceof ResourcePolicyDeleted) {
            next.resourcePolicy = null;
        } else if (!ReplicationFold.fold(next, payload)) {
            throw new IllegalArgumentException("no fold for event " + payload.getClass().getSimpleName());
        }
        if (ReplicableEvents.isReplicable(payload) && event.seq() > state.seq()) {
            next.replicas = ReplicationFold.behind(next.replicas, event.seq());
        }
        return next.build();
    }

    private static Lifecycle transition(SecretState state, Lifecycle target) {
        if (!state.lifecycle().canMoveTo(target)) {
            throw new IllegalStateException(
                    "secret " + state.secretId() + " cannot move from " + state.lifecycle() + " to " + target);
        }
        return target;
    }
}
