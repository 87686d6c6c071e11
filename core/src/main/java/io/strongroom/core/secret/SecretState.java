package io.strongroom.core.secret;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.strongroom.core.replication.ReplicaStatus;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The state of one secret incarnation, folded from its events. The same fold serves the
 * command-service (to decide) and the projection (to answer reads). Immutable: changes return a copy.
 *
 * @param seq the sequence number of the last event applied to this incarnation
 * @param deletedDate when DeleteSecret scheduled the deletion; null unless scheduled
 * @param deletionDate when the scheduled deletion purges the secret; null unless scheduled
 * @param resourcePolicy the attached resource-based policy (JSON text as PutResourcePolicy stored it); null if none
 * @param primaryRegion for a replica: the region of its primary; null for a primary or standalone secret
 * @param replicas for a primary: the regions it replicates to and what each acknowledged
 */
public record SecretState(
        String secretId,
        String account,
        String region,
        String name,
        String description,
        String kmsKeyId,
        List<Tag> tags,
        Instant createdDate,
        Instant lastChangedDate,
        Instant deletedDate,
        Instant deletionDate,
        Map<String, SecretVersion> versions,
        long seq,
        Lifecycle lifecycle,
        String resourcePolicy,
        String primaryRegion,
        List<ReplicaStatus> replicas) {

    public SecretState {
        tags = List.copyOf(tags);
        versions = VersionMap.copyOf(versions);
        replicas = replicas == null ? List.of() : List.copyOf(replicas);
    }

    /** A state that takes no part in replication. */
    public SecretState(String secretId, String account, String region, String name, String description,
            String kmsKeyId, List<Tag> tags, Instant createdDate, Instant lastChangedDate, Instant deletedDate,
            Instant deletionDate, Map<String, SecretVersion> versions, long seq, Lifecycle lifecycle,
            String resourcePolicy) {
        this(secretId, account, region, name, description, kmsKeyId, tags, createdDate, lastChangedDate, deletedDate,
                deletionDate, versions, seq, lifecycle, resourcePolicy, null, List.of());
    }

    /** A state without a resource policy. */
    public SecretState(String secretId, String account, String region, String name, String description,
            String kmsKeyId, List<Tag> tags, Instant createdDate, Instant lastChangedDate, Instant deletedDate,
            Instant deletionDate, Map<String, SecretVersion> versions, long seq, Lifecycle lifecycle) {
        this(secretId, account, region, name, description, kmsKeyId, tags, createdDate, lastChangedDate, deletedDate,
                deletionDate, versions, seq, lifecycle, null);
    }

    public Optional<SecretVersion> version(String versionId) {
        return Optional.ofNullable(versions.get(versionId));
    }

    public Optional<SecretVersion> versionWithStage(String stage) {
        return versions.values().stream().filter(v -> v.has(stage)).findFirst();
    }

    /** A replica is read-only in its region (except its KmsKeyId) until StopReplicationToReplica promotes it. */
    @JsonIgnore
    public boolean isReplica() {
        return primaryRegion != null;
    }

    /**
     * What DescribeSecret and ListSecrets show as PrimaryRegion: a replica's primary region, a primary's
     * own region while it has replicas; empty for a secret that takes no part in replication.
     */
    @JsonIgnore
    public Optional<String> shownPrimaryRegion() {
        if (primaryRegion != null) {
            return Optional.of(primaryRegion);
        }
        return replicas.isEmpty() ? Optional.empty() : Optional.of(region);
    }

    @JsonIgnore
    public boolean isScheduledForDeletion() {
        return lifecycle == Lifecycle.SCHEDULED_FOR_DELETION;
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Copy-and-change, used by the fold ({@code SecretAggregate.evolve}) only. */
    public static final class Builder {
        private final SecretState s;
        public String description;
        public String kmsKeyId;
        public List<Tag> tags;
        public Instant lastChangedDate;
        public Instant deletedDate;
        public Instant deletionDate;
        public long seq;
        public Lifecycle lifecycle;
        public String resourcePolicy;
        public String primaryRegion;
        public List<ReplicaStatus> replicas;
        /** The versions once one changes: copied on the first change, else the state's own are kept. */
        private LinkedHashMap<String, SecretVersion> changedVersions;

        Builder(SecretState s) {
            this.s = s;
            description = s.description;
            kmsKeyId = s.kmsKeyId;
            tags = s.tags;
            lastChangedDate = s.lastChangedDate;
            deletedDate = s.deletedDate;
            deletionDate = s.deletionDate;
            seq = s.seq;
            lifecycle = s.lifecycle;
            resourcePolicy = s.resourcePolicy;
            primaryRegion = s.primaryRegion;
            replicas = s.replicas;
        }

        public void addVersion(SecretVersion version) {
            changedVersions().put(version.versionId(), version);
        }

        /** Relabels a version; one already removed is left alone. */
        public void setStages(String versionId, List<String> stages) {
            changedVersions().computeIfPresent(versionId, (id, v) -> v.withStages(stages));
        }

        public void removeVersion(String versionId) {
            changedVersions().remove(versionId);
        }

        public SecretState build() {
            Map<String, SecretVersion> versions = changedVersions == null ? s.versions : VersionMap.adopt(changedVersions);
            changedVersions = null; // the new state owns it now: a later change copies again
            return new SecretState(s.secretId, s.account, s.region, s.name, description, kmsKeyId, tags,
                    s.createdDate, lastChangedDate, deletedDate, deletionDate, versions, seq, lifecycle,
                    resourcePolicy, primaryRegion, replicas);
        }

        private LinkedHashMap<String, SecretVersion> changedVersions() {
            if (changedVersions == null) {
                changedVersions = VersionMap.copyOf(s.versions).mutableCopy();
            }
            return changedVersions;
        }
    }
}
