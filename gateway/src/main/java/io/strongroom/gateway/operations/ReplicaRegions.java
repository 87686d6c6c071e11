package io.strongroom.gateway.operations;

import io.strongroom.core.error.AwsErrorCode;
import io.strongroom.core.error.Rejection;
import io.strongroom.core.replication.ReplicaRegion;
import io.strongroom.core.validation.Constraints;
import io.strongroom.core.validation.RequestLimits;
import io.strongroom.gateway.protocol.JsonRequest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The replica regions a request names (CreateSecret's and ReplicateSecretToRegions' AddReplicaRegions,
 * RemoveRegionsFromReplication's RemoveReplicaRegions), checked as AWS checks them: first the model
 * (at least one entry, Region 1–128 characters matching {@value #REGION_PATTERN}, KmsKeyId at most 2048
 * characters) as a ValidationException, then the service: a region that is this one, one this region
 * has no peer for, a missing Region or one named twice is an InvalidParameterException
 * ("Invalid replica region."). A replica KmsKeyId names a key of the replica region, which only that
 * region knows: an unknown one shows as the replica's Failed status, not as an error here; only a KMS
 * ARN that is malformed or names another region is refused at once, as an invalid KMS key.
 */
final class ReplicaRegions {
    static final String REGION_PATTERN = "^([a-z]+-)+\\d+$";
    static final int REGION_MAX = 128;
    static final String INVALID_REPLICA_REGION = "Invalid replica region.";

    private ReplicaRegions() {}

    /** AddReplicaRegions as given, or null when absent. */
    static List<ReplicaRegion> read(JsonRequest request, String member) {
        List<JsonRequest> items = request.structures(member);
        if (items == null) {
            return null;
        }
        List<ReplicaRegion> regions = new ArrayList<>(items.size());
        for (JsonRequest item : items) {
            regions.add(new ReplicaRegion(item.string("Region"), item.string("KmsKeyId")));
        }
        return regions;
    }

    /** @param member AWS's name of the list in validation messages, e.g. {@code addReplicaRegions} */
    static Constraints constrain(Constraints constraints, String member, List<ReplicaRegion> regions) {
        if (regions == null) {
            return constraints;
        }
        constraints.size(member, regions, 1, Integer.MAX_VALUE);
        for (int i = 0; i < regions.size(); i++) {
            String prefix = member + "." + (i + 1) + ".member.";
            constraints.length(prefix + "region", regions.get(i).region(), 1, REGION_MAX)
                    .pattern(prefix + "region", regions.get(i).region(), REGION_PATTERN)
                    .length(prefix + "kmsKeyId", regions.get(i).kmsKeyId(), 0, RequestLimits.KMS_KEY_ID_MAX);
        }
        return constraints;
    }

    /** RemoveReplicaRegions: a list of region names. */
    static Constraints constrainNames(Constraints constraints, String member, List<String> regions) {
        if (regions == null) {
            return constraints;
        }
        constraints.size(member, regions, 1, Integer.MAX_VALUE);
        for (int i = 0; i < regions.size(); i++) {
            String name = member + "." + (i + 1) + ".member";
            constraints.length(name, regions.get(i), 1, REGION_MAX).pattern(name, regions.get(i), REGION_PATTERN);
        }
        return constraints;
    }

    /** The service's own rule once the shape is valid. */
    static Optional<Rejection> check(List<ReplicaRegion> regions, OperationContext context) {
        if (regions == null) {
            return Optional.empty();
        }
        Set<String> seen = new HashSet<>();
        for (ReplicaRegion region : regions) {
            String name = region.region();
            if (name == null || name.equals(context.region()) || !context.peerRegions().contains(name)
                    || !seen.add(name)) {
                return Optional.of(AwsErrorCode.INVALID_PARAMETER.reject(INVALID_REPLICA_REGION));
            }
            if (!kmsKeyFitsRegion(region.kmsKeyId(), name)) {
                return Optional.of(AwsErrorCode.INVALID_PARAMETER.reject(Messages.INVALID_KMS_KEY + region.kmsKeyId()));
            }
        }
        return Optional.empty();
    }

    /** An alias, key id or none fits any region; an ARN must be a KMS key or alias ARN of the replica's region. */
    private static boolean kmsKeyFitsRegion(String kmsKeyId, String region) {
        if (kmsKeyId == null || !kmsKeyId.startsWith("arn:")) {
            return true;
        }
        String[] parts = kmsKeyId.split(":", 6);
        return parts.length == 6 && "kms".equals(parts[2]) && region.equals(parts[3])
                && (parts[5].startsWith("key/") || parts[5].startsWith("alias/"));
    }
}
