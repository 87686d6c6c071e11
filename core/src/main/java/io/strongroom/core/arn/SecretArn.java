package io.strongroom.core.arn;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The ARN of a secret, as AWS makes it: {@code arn:aws:secretsmanager:<region>:<account>:secret:<name>-<suffix>}.
 * The six-character suffix is derived from the secret's incarnation id, so a purged and re-created
 * secret of the same name gets another ARN and the old one answers ResourceNotFound.
 */
public record SecretArn(String region, String account, String name, String suffix) {
    public static final String PREFIX = "arn:aws:secretsmanager:";
    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    /** Suffixes already hashed: every read builds its secret's ARN (twice), each a SHA-256. Bounded: starts over. */
    private static final Map<String, String> SUFFIXES = new ConcurrentHashMap<>();
    private static final int MAX_REMEMBERED_SUFFIXES = 10_000;

    public static SecretArn of(String region, String account, String name, String secretId) {
        return new SecretArn(region, account, name, suffixOf(secretId));
    }

    /** The six characters AWS appends to a secret's name in its ARN, derived from the incarnation id. */
    public static String suffixOf(String secretId) {
        String known = SUFFIXES.get(secretId);
        if (known != null) {
            return known;
        }
        if (SUFFIXES.size() >= MAX_REMEMBERED_SUFFIXES) {
            SUFFIXES.clear();
        }
        String suffix = computeSuffix(secretId);
        SUFFIXES.put(secretId, suffix);
        return suffix;
    }

    private static String computeSuffix(String secretId) {
        byte[] digest = sha256(secretId);
        StringBuilder suffix = new StringBuilder(6);
        for (int i = 0; i < 6; i++) {
            suffix.append(ALPHABET.charAt((digest[i] & 0xff) % ALPHABET.length()));
        }
        return suffix.toString();
    }

    @Override
    public String toString() {
        return PREFIX + region + ":" + account + ":secret:" + name + "-" + suffix;
    }

    public static boolean looksLikeArn(String secretId) {
        return secretId.startsWith("arn:");
    }

    /**
     * Splits a secret ARN into region, account and the resource part after {@code secret:} (a name,
     * with or without the suffix). Empty when the text is not a Secrets Manager secret ARN.
     */
    public static Optional<Parsed> parse(String arn) {
        if (!arn.startsWith("arn:")) {
            return Optional.empty();
        }
        String[] parts = arn.split(":", 7);
        if (parts.length != 7 || !parts[2].equals("secretsmanager") || !parts[5].equals("secret")
                || parts[6].isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Parsed(parts[1], parts[3], parts[4], parts[6]));
    }

    /** A parsed ARN whose resource may be a full name-with-suffix or a partial name. */
    public record Parsed(String partition, String region, String account, String resource) {}

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JRE", e);
        }
    }
}
