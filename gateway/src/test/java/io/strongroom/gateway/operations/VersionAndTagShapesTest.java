package io.strongroom.gateway.operations;

import static io.strongroom.gateway.operations.SecretLifecycleTest.unique;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.strongroom.gateway.protocol.WireJson;
import io.strongroom.gateway.support.GatewayUnderTest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * The exact wire shapes of RestoreSecret, TagResource, UntagResource, UpdateSecretVersionStage and
 * ListSecretVersionIds: member names and nothing more (the SDKs ignore extra members, so only the raw
 * body shows them).
 */
class VersionAndTagShapesTest {
    @RegisterExtension
    static final GatewayUnderTest gateway = new GatewayUnderTest();
    private final SecretsManagerClient sdk = gateway.sdk();

    private static JsonNode body(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return WireJson.MAPPER.readTree(response.body());
    }

    private static List<String> members(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void tagAndUntagAnswerAnEmptyObject() throws Exception {
        String name = unique("tags");
        sdk.createSecret(r -> r.name(name).secretString("x"));

        assertThat(members(body(gateway.call("TagResource",
                "{\"SecretId\":\"" + name + "\",\"Tags\":[{\"Key\":\"k\",\"Value\":\"v\"}]}")))).isEmpty();
        assertThat(members(body(gateway.call("UntagResource",
                "{\"SecretId\":\"" + name + "\",\"TagKeys\":[\"k\"]}")))).isEmpty();
    }

    @Test
    void restoreAndUpdateSecretVersionStageAnswerArnAndName() throws Exception {
        String name = unique("arn-name");
        String version = sdk.createSecret(r -> r.name(name).secretString("x")).versionId();

        JsonNode restored = body(gateway.call("RestoreSecret", "{\"SecretId\":\"" + name + "\"}"));
        JsonNode moved = body(gateway.call("UpdateSecretVersionStage", "{\"SecretId\":\"" + name
                + "\",\"VersionStage\":\"blue\",\"MoveToVersionId\":\"" + version + "\"}"));

        assertThat(members(restored)).containsExactlyInAnyOrder("ARN", "Name");
        assertThat(members(moved)).containsExactlyInAnyOrder("ARN", "Name");
        assertThat(moved.get("Name").textValue()).isEqualTo(name);
    }

    @Test
    void listSecretVersionIdsAnswersVersionsArnAndNameWithEpochSecondDates() throws Exception {
        String name = unique("versions");
        String version = sdk.createSecret(r -> r.name(name).secretString("x")).versionId();

        JsonNode listed = body(gateway.call("ListSecretVersionIds", "{\"SecretId\":\"" + name + "\"}"));

        assertThat(members(listed)).containsExactlyInAnyOrder("Versions", "ARN", "Name");
        JsonNode entry = listed.get("Versions").get(0);
        assertThat(members(entry)).containsExactlyInAnyOrder("VersionId", "VersionStages", "CreatedDate", "KmsKeyIds");
        assertThat(entry.get("VersionId").textValue()).isEqualTo(version);
        assertThat(entry.get("CreatedDate").isNumber()).isTrue();
        assertThat(entry.get("KmsKeyIds").get(0).textValue()).isEqualTo("DefaultEncryptionKey");
    }
}
