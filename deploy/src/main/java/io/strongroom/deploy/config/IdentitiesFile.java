package io.strongroom.deploy.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.strongroom.core.codec.Json;
import io.strongroom.gateway.auth.AccessKeyAccounts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads the gateway's identities:
 * <pre>{"identities": [{"accessKeyId": "AKIA...", "secretAccessKey": "...", "accountId": "111122223333",
 *                  "principalArn": "arn:aws:iam::111122223333:user/app",
 *                  "identityPolicy": {"Version": "2012-10-17", "Statement": [...]}}]}</pre>
 * {@code identityPolicy} is optional (absent: the default policy, {@code secretsmanager:*} in the
 * identity's own account); it may also be given as a string holding the JSON document. Error
 * messages name the file and the identity's access key id, never a secret access key.
 */
public final class IdentitiesFile {
    private IdentitiesFile() {}

    public static AccessKeyAccounts load(Path file) {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read identities file " + file + ": " + e.getMessage(), e);
        }
        JsonNode identities = root == null ? null : root.get("identities");
        if (identities == null || !identities.isArray()) {
            throw new IllegalArgumentException("identities file " + file + ": expected {\"identities\": [...]}");
        }
        AccessKeyAccounts.Builder builder = AccessKeyAccounts.builder();
        int index = 0;
        for (JsonNode identity : identities) {
            String where = "identities file " + file + ", identity " + index++;
            String accessKeyId = required(identity, "accessKeyId", where);
            where += " (" + accessKeyId + ")";
            String accountId = required(identity, "accountId", where);
            if (!accountId.matches("\\d{12}")) {
                throw new IllegalArgumentException(where + ": accountId must be 12 digits");
            }
            builder.add(new AccessKeyAccounts.Identity(accessKeyId, required(identity, "secretAccessKey", where),
                    accountId, required(identity, "principalArn", where), policy(identity.get("identityPolicy"), where)));
        }
        return builder.build();
    }

    /** The policy as JSON text; null when absent. */
    private static String policy(JsonNode policy, String where) {
        if (policy == null || policy.isNull()) {
            return null;
        }
        if (policy.isObject()) {
            return policy.toString();
        }
        if (policy.isTextual()) {
            try {
                if (Json.MAPPER.readTree(policy.asText()) instanceof com.fasterxml.jackson.databind.node.ObjectNode) {
                    return policy.asText();
                }
            } catch (JsonProcessingException e) {
                // reported below
            }
        }
        throw new IllegalArgumentException(where + ": identityPolicy must be a JSON policy document");
    }

    private static String required(JsonNode identity, String field, String where) {
        JsonNode value = identity.get(field);
        if (value == null || !value.isTextual() || value.asText().isEmpty()) {
            throw new IllegalArgumentException(where + ": lacks " + field);
        }
        return value.asText();
    }
}
