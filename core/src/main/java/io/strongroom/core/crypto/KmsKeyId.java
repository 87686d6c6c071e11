package io.strongroom.core.crypto;

/**
 * The forms a KmsKeyId takes on the wire, reduced to the name a {@link MasterKeyRing} knows a key by.
 * AWS accepts an alias ({@code alias/app}), a key id ({@code 1234abcd-...}), an alias ARN
 * ({@code arn:aws:kms:<region>:<account>:alias/app}) and a key ARN
 * ({@code arn:aws:kms:<region>:<account>:key/1234abcd-...}); an empty string (or none) means the
 * AWS managed key {@code alias/aws/secretsmanager}.
 */
public final class KmsKeyId {
    public static final String DEFAULT = "alias/aws/secretsmanager";
    private static final String ARN_PREFIX = "arn:";

    private KmsKeyId() {}

    /** The alias or key id a KmsKeyId names: the ARN forms lose their prefix, empty or null is the default key. */
    public static String canonical(String kmsKeyId) {
        if (kmsKeyId == null || kmsKeyId.isEmpty()) {
            return DEFAULT;
        }
        if (!kmsKeyId.startsWith(ARN_PREFIX)) {
            return kmsKeyId;
        }
        // arn:partition:kms:region:account:resource - the resource is "alias/..." or "key/<id>".
        String[] parts = kmsKeyId.split(":", 6);
        if (parts.length < 6 || !"kms".equals(parts[2])) {
            return kmsKeyId;
        }
        String resource = parts[5];
        if (resource.startsWith("key/")) {
            return resource.substring("key/".length());
        }
        return resource;
    }

    /** True when the KmsKeyId names the AWS managed key (DescribeSecret then shows no KmsKeyId, as AWS does). */
    public static boolean isDefault(String kmsKeyId) {
        return DEFAULT.equals(canonical(kmsKeyId));
    }
}
