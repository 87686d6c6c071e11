package io.strongroom.gateway.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.strongroom.gateway.support.TestGateway;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.BatchGetSecretValueResponse;

/** The read operations' shapes on the wire. */
class ReadOperationsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private TestGateway gateway;
    private SecretsManagerClient sdk;

    @BeforeEach
    void start() {
        gateway = TestGateway.start();
        sdk = gateway.client();
    }

    @AfterEach
    void stop() {
        sdk.close();
        gateway.close();
    }

    @Test
    void describeSecretSendsOnlyMembersThatHaveAValue() throws Exception {
        sdk.createSecret(r -> r.name("plain").secretString("v"));

        JsonNode body = JSON.readTree(gateway.call("DescribeSecret", "{\"SecretId\":\"plain\"}").body());

        List<String> members = new ArrayList<>();
        body.fieldNames().forEachRemaining(members::add);
        assertThat(members).containsExactlyInAnyOrder("ARN", "Name", "LastChangedDate", "VersionIdsToStages",
                "CreatedDate");
    }

    @Test
    void lastAccessedDateIsTheDayOfTheReadAtMidnightUtc() throws Exception {
        sdk.createSecret(r -> r.name("read").secretString("v"));
        Instant today = LocalDate.now(ZoneOffset.UTC).atStartOfDay(ZoneOffset.UTC).toInstant();
        sdk.getSecretValue(r -> r.secretId("read"));

        JsonNode body = JSON.readTree(gateway.call("DescribeSecret", "{\"SecretId\":\"read\"}").body());

        assertThat(body.get("LastAccessedDate").decimalValue()).isEqualByComparingTo(String.valueOf(today.getEpochSecond()));
        assertThat(sdk.describeSecret(r -> r.secretId("read")).lastAccessedDate()).isEqualTo(today);
        assertThat(sdk.listSecrets(r -> r.maxResults(10)).secretList().get(0).lastAccessedDate()).isEqualTo(today);
    }

    @Test
    void aVersionThatCannotBeDecryptedIsADecryptionFailureEntry() {
        String version = sdk.createSecret(r -> r.name("shredded").secretString("v")).versionId();
        sdk.createSecret(r -> r.name("fine").secretString("ok"));
        gateway.secrets.shred(gateway.secrets.secretIdOf(TestGateway.ACCOUNT, "shredded"), version);

        BatchGetSecretValueResponse batch = sdk.batchGetSecretValue(r -> r.secretIdList("shredded", "fine"));

        assertThat(batch.secretValues()).singleElement().satisfies(entry -> assertThat(entry.secretString()).isEqualTo("ok"));
        assertThat(batch.errors()).singleElement().satisfies(error -> {
            assertThat(error.secretId()).isEqualTo("shredded");
            assertThat(error.errorCode()).isEqualTo("DecryptionFailure");
        });
    }

    @Test
    void anInvalidSecretIdInTheListIsAnErrorEntryNotAFailedCall() {
        BatchGetSecretValueResponse batch = sdk.batchGetSecretValue(r -> r.secretIdList("bad;name"));

        assertThat(batch.errors()).singleElement().satisfies(error ->
                assertThat(error.errorCode()).isEqualTo("ValidationException"));
    }

    @Test
    void batchWireResponseHasSecretValuesAndErrors() throws Exception {
        sdk.createSecret(r -> r.name("wire").secretString("v"));

        JsonNode body = JSON.readTree(gateway.call("BatchGetSecretValue", "{\"SecretIdList\":[\"wire\"]}").body());

        assertThat(body.get("SecretValues").get(0).get("SecretString").asText()).isEqualTo("v");
        assertThat(body.get("Errors").isArray()).isTrue();
        assertThat(body.has("NextToken")).isFalse();
    }
}
