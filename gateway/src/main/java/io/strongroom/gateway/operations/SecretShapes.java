package io.strongroom.gateway.operations;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.strongroom.core.crypto.KmsKeyId;
import io.strongroom.core.replication.ReplicaStatus;
import io.strongroom.core.replication.ReplicationState;
import io.strongroom.core.secret.SecretLocator;
import io.strongroom.core.secret.SecretState;
import io.strongroom.core.secret.SecretVersion;
import io.strongroom.core.secret.Tag;
import io.strongroom.gateway.protocol.WireJson;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The response shapes built from a secret's state, with AWS's member names. As AWS does ("Secrets
 * Manager only returns fields that have a value"), empty members are left out: no Tags for a secret
 * without tags, no KmsKeyId for the default key, no LastAccessedDate before the first read, no
 * DeletedDate unless scheduled, and none of the rotation (RotationEnabled, RotationLambdaARN,
 * RotationRules, LastRotatedDate, NextRotationDate) or OwningService members, which Strongroom has
 * no value for, and no PrimaryRegion or ReplicationStatus for a secret that takes no part in
 * replication. Versions without staging labels (deprecated ones) are not listed.
 */
final class SecretShapes {
    private SecretShapes() {}

    static ObjectNode arnAndName(SecretState state) {
        return WireJson.object().put("ARN", SecretLocator.arnOf(state)).put("Name", state.name());
    }

    /** DescribeSecret. @param lastAccessed the UTC day of the last value read, or null if never */
    static ObjectNode describe(SecretState state, LocalDate lastAccessed) {
        ObjectNode node = details(state, "VersionIdsToStages", lastAccessed);
        if (!state.replicas().isEmpty()) {
            node.set("ReplicationStatus", replicationStatus(state.replicas()));
        }
        return node;
    }

    /**
     * ReplicationStatus: each replica region with its KmsKeyId (AWS names the AWS managed key rather
     * than leaving it out here), Status and, when there is one, StatusMessage. LastAccessedDate is
     * the replica region's, which the primary does not know: it is left out.
     */
    static ArrayNode replicationStatus(List<ReplicaStatus> replicas) {
        ArrayNode list = WireJson.MAPPER.createArrayNode();
        for (ReplicaStatus replica : replicas) {
            ObjectNode entry = list.addObject()
                    .put("Region", replica.region())
                    .put("KmsKeyId", replica.kmsKeyId() == null || replica.kmsKeyId().isEmpty()
                            ? KmsKeyId.DEFAULT : replica.kmsKeyId())
                    .put("Status", replica.status().wire());
            String message = statusMessage(replica);
            if (message != null) {
                entry.put("StatusMessage", message);
            }
        }
        return list;
    }

    private static String statusMessage(ReplicaStatus replica) {
        if (replica.statusMessage() != null) {
            return replica.statusMessage();
        }
        return replica.status() == ReplicationState.IN_SYNC ? REPLICATION_SUCCEEDED : null;
    }

    static final String REPLICATION_SUCCEEDED = "Replication succeeded";

    /** One entry of ListSecrets' SecretList. */
    static ObjectNode listEntry(SecretState state, LocalDate lastAccessed) {
        return details(state, "SecretVersionsToStages", lastAccessed);
    }

    static ArrayNode strings(List<String> values) {
        ArrayNode array = WireJson.MAPPER.createArrayNode();
        values.forEach(array::add);
        return array;
    }

    private static ObjectNode details(SecretState state, String versionsMember, LocalDate lastAccessed) {
        ObjectNode node = arnAndName(state);
        if (state.description() != null) {
            node.put("Description", state.description());
        }
        if (!KmsKeyId.isDefault(state.kmsKeyId())) {
            // AWS leaves KmsKeyId out for the AWS managed key aws/secretsmanager.
            node.put("KmsKeyId", state.kmsKeyId());
        }
        if (state.lastChangedDate() != null) {
            node.set("LastChangedDate", WireJson.timestamp(state.lastChangedDate()));
        }
        if (lastAccessed != null) {
            // AWS keeps the date only: midnight UTC of the day of the last read
            node.set("LastAccessedDate", WireJson.timestamp(lastAccessed.atStartOfDay(ZoneOffset.UTC).toInstant()));
        }
        if (state.deletedDate() != null) {
            node.set("DeletedDate", WireJson.timestamp(state.deletedDate()));
        }
        if (!state.tags().isEmpty()) {
            ArrayNode tags = node.putArray("Tags");
            for (Tag tag : state.tags()) {
                ObjectNode entry = tags.addObject().put("Key", tag.key());
                if (tag.value() != null) {
                    entry.put("Value", tag.value());
                }
            }
        }
        ObjectNode versions = WireJson.object();
        for (SecretVersion version : state.versions().values()) {
            if (!version.stages().isEmpty()) {
                versions.set(version.versionId(), strings(version.stages()));
            }
        }
        if (!versions.isEmpty()) {
            node.set(versionsMember, versions);
        }
        if (state.createdDate() != null) {
            node.set("CreatedDate", WireJson.timestamp(state.createdDate()));
        }
        state.shownPrimaryRegion().ifPresent(region -> node.put("PrimaryRegion", region));
        return node;
    }
}
