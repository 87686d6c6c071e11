package io.strongroom.bench.scenario;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.UUID;

/** The JSON bodies of the calls the scenarios make. */
final class Bodies {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Bodies() {}

    static byte[] secretId(String name) {
        return bytes(JSON.createObjectNode().put("SecretId", name));
    }

    static byte[] create(String name, String value) {
        return bytes(JSON.createObjectNode().put("Name", name).put("SecretString", value)
                .put("ClientRequestToken", UUID.randomUUID().toString()));
    }

    static byte[] put(String name, String value) {
        return bytes(JSON.createObjectNode().put("SecretId", name).put("SecretString", value)
                .put("ClientRequestToken", UUID.randomUUID().toString()));
    }

    /** A CreateSecret replicated to {@code replicaRegion} (with that region's default key). */
    static byte[] createReplicated(String name, String value, String replicaRegion) {
        ObjectNode body = JSON.createObjectNode().put("Name", name).put("SecretString", value)
                .put("ClientRequestToken", UUID.randomUUID().toString());
        body.putArray("AddReplicaRegions").addObject().put("Region", replicaRegion);
        return bytes(body);
    }

    /** A PutSecretValue whose new version's id is {@code token}. */
    static byte[] put(String name, String value, String token) {
        return bytes(JSON.createObjectNode().put("SecretId", name).put("SecretString", value)
                .put("ClientRequestToken", token));
    }

    static byte[] batchGet(List<String> names) {
        ObjectNode body = JSON.createObjectNode();
        ArrayNode ids = body.putArray("SecretIdList");
        names.forEach(ids::add);
        return bytes(body);
    }

    static byte[] listSecrets(int maxResults, String nextToken) {
        ObjectNode body = JSON.createObjectNode().put("MaxResults", maxResults);
        if (nextToken != null) {
            body.put("NextToken", nextToken);
        }
        return bytes(body);
    }

    /** Name → VersionId of each secret a BatchGetSecretValue answer returned (its current version). */
    static java.util.Map<String, String> currentVersions(byte[] answer) {
        java.util.Map<String, String> versions = new java.util.LinkedHashMap<>();
        try {
            var values = JSON.readTree(answer).get("SecretValues");
            if (values != null) {
                values.forEach(v -> versions.put(v.path("Name").asText(), v.path("VersionId").asText()));
            }
        } catch (java.io.IOException e) {
            // An unreadable answer tells nothing: the versions stay awaited.
        }
        return versions;
    }

    /** The {@code NextToken} of a ListSecrets answer, or null on the last page. */
    static String nextToken(byte[] answer) {
        try {
            var token = JSON.readTree(answer).get("NextToken");
            return token == null || token.isNull() ? null : token.asText();
        } catch (java.io.IOException e) {
            return null;
        }
    }

    private static byte[] bytes(ObjectNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
