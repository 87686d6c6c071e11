package io.strongroom.deploy.config;

import com.fasterxml.jackson.databind.JsonNode;
import io.strongroom.core.codec.Json;
import io.strongroom.gateway.auth.AccessKeyAccounts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads the gateway's identities:
 * <pre>{"identities": [{"accessKeyId": "AKIA...", "accountId": "111122223333",
 *                  "principalArn": "arn:aws:iam::111122223333:user/app"}]}</pre>
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
        AccessKeyAccounts.Builder builder = AccessKeyAccounts.builder();
        for (JsonNode identity : root.path("identities")) {
            builder.add(required(identity, "accessKeyId", file), required(identity, "accountId", file),
                    required(identity, "principalArn", file));
        }
        return builder.build();
    }

    private static String required(JsonNode identity, String field, Path file) {
        JsonNode value = identity.get(field);
        if (value == null || !value.isTextual() || value.asText().isEmpty()) {
            throw new IllegalArgumentException("identities file " + file + ": an identity lacks " + field);
        }
        return value.asText();
    }
}
