package io.strongroom.core.secret;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.strongroom.core.replication.ReplicaStatus;
import java.time.Instant;
import java.util.Collections;
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
        versions = Collections.unmodifiableMap(keyedByOwnIds(versions));
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

    /**
     * A copy keyed by each version's own id object. Decoded from JSON, the key and the version's field
     * are two equal strings, and states are held decoded for as long as they are cached (a busy secret
     * with 50 versions: ~13 KB, most of what the put path keeps alive between collections).
     */
    private static LinkedHashMap<String, SecretVersion> keyedByOwnIds(Map<String, SecretVersion> versions) {
        LinkedHashMap<String, SecretVersion> copy = new LinkedHashMap<>(Math.max(16, versions.size() * 4 / 3 + 1));
        versions.forEach((id, version) -> copy.put(id.equals(version.versionId()) ? version.versionId() : id, version));
        return copy;
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
        public LinkedHashMap<String, SecretVersion> versions;
        public long seq;
        public Lifecycle lifecycle;
        public String resourcePolicy;
        public String primaryRegion;
        public List<ReplicaStatus> replicas;

        Builder(SecretState s) {
            this.s = s;
            description = s.description;
            kmsKeyId = s.kmsKeyId;
            tags = s.tags;
            lastChangedDate = s.lastChangedDate;
            deletedDate = s.deletedDate;
            deletionDate = s.deletionDate;
            versions = new LinkedHashMap<>(s.versions);
            seq = s.seq;
            lifecycle = s.lifecycle;
            resourcePolicy = s.resourcePolicy;
            primaryRegion = s.primaryRegion;
            replicas = s.replicas;
        }

        public SecretState build() {
            return new SecretState(s.secretId, s.account, s.region, s.name, description, kmsKeyId, tags,
                    s.createdDate, lastChangedDate, deletedDate, deletionDate, versions, seq, lifecycle,
                    resourcePolicy, primaryRegion, replicas);
        }
    }
}
