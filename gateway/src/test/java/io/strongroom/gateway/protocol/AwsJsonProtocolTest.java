package io.strongroom.gateway.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.strongroom.gateway.support.TestGateway;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The wire protocol with raw HTTP: what malformed requests get back, and what every response carries. */
class AwsJsonProtocolTest {
    private static TestGateway gateway;

    @BeforeAll
    static void start() {
        gateway = TestGateway.start(b -> b.maxRequestBytes(64 * 1024));
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    @Test
    void anUnknownOperationIsUnknownOperationException() {
        HttpResponse<String> response = gateway.call("StealSecrets", "{}");

        assertError(response, 400, "UnknownOperationException");
        assertThat(message(response)).contains("secretsmanager.StealSecrets");
    }

    @Test
    void aMissingTargetIsUnknownOperationException() {
        HttpResponse<String> response = gateway.post(null, "application/x-amz-json-1.1", "{}");

        assertError(response, 400, "UnknownOperationException");
        assertThat(message(response)).contains("X-Amz-Target");
    }

    @Test
    void anotherServicesTargetIsUnknownOperationException() {
        assertError(gateway.post("DynamoDB_20120810.ListTables", "application/x-amz-json-1.1", "{}"), 400,
                "UnknownOperationException");
    }

    @Test
    void malformedJsonIsSerializationException() {
        HttpResponse<String> response = gateway.call("ListSecrets", "{\"MaxResults\": ");

        assertError(response, 400, "SerializationException");
        assertThat(message(response)).isEqualTo("The request body is not valid JSON.");
    }

    @Test
    void aBodyThatIsNotAnObjectIsSerializationException() {
        assertError(gateway.call("ListSecrets", "[1, 2]"), 400, "SerializationException");
    }

    @Test
    void aMemberOfTheWrongTypeIsSerializationException() {
        HttpResponse<String> response = gateway.call("CreateSecret", "{\"Name\": \"typed\", \"Description\": 5}");

        assertError(response, 400, "SerializationException");
        assertThat(message(response)).isEqualTo("NUMBER_VALUE cannot be converted to String (member 'Description')");
    }

    @Test
    void aDuplicatedMemberIsSerializationException() {
        assertError(gateway.call("DescribeSecret", "{\"SecretId\": \"a\", \"SecretId\": \"b\"}"), 400,
                "SerializationException");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"MaxResults\": \"5\"}",
        "{\"MaxResults\": 1.5}",
        "{\"MaxResults\": 99999999999999999999}",
        "{\"Filters\": \"name\"}",
        "{\"Filters\": [1]}",
        "{\"Filters\": [{\"Key\": \"name\", \"Values\": [7]}]}",
        "{\"IncludePlannedDeletion\": \"yes\"}",
    })
    void badlyTypedListSecretsRequestsAreClientErrors(String body) {
        assertError(gateway.call("ListSecrets", body), 400, "SerializationException");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"Name\": {}}",
        "{\"Name\": \"t\", \"Tags\": [{\"Key\": 1}]}",
        "{\"Name\": \"t\", \"Tags\": {\"Key\": \"k\"}}",
        "{\"Name\": \"t\", \"SecretBinary\": \"not base64!\"}",
        "{\"Name\": \"t\", \"SecretString\": [\"x\"]}",
    })
    void badlyTypedCreateSecretRequestsAreClientErrors(String body) {
        assertError(gateway.call("CreateSecret", body), 400, "SerializationException");
    }

    @Test
    void aBodyOverTheLimitIs413AndTheConnectionAnswers() {
        String body = "{\"Name\": \"big\", \"Description\": \"" + "x".repeat(200 * 1024) + "\"}";

        HttpResponse<String> response = gateway.call("CreateSecret", body);

        assertError(response, 413, "RequestEntityTooLargeException");
        assertThat(gateway.call("ListSecrets", "{}").statusCode()).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"text/plain", "application/xml"})
    void anotherContentTypeIsAClientErrorNamingTheExpectedOne(String contentType) {
        HttpResponse<String> response = gateway.post("secretsmanager.ListSecrets", contentType, "{}");

        assertError(response, 400, "UnknownOperationException");
        assertThat(message(response)).contains("application/x-amz-json-1.1");
    }

    @Test
    void aMissingContentTypeIsAClientError() {
        assertError(gateway.post("secretsmanager.ListSecrets", null, "{}"), 400, "UnknownOperationException");
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/x-amz-json-1.1", "application/x-amz-json-1.0", "application/json",
        "application/x-amz-json-1.1; charset=UTF-8"})
    void jsonContentTypesAreAccepted(String contentType) {
        assertThat(gateway.post("secretsmanager.ListSecrets", contentType, "{}").statusCode()).isEqualTo(200);
    }

    @Test
    void anEmptyBodyIsAnEmptyRequest() {
        HttpResponse<String> response = gateway.call("ListSecrets", "");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).get("SecretList").isArray()).isTrue();
    }

    @Test
    void everyResponseCarriesARequestIdAndAnHttpDate() {
        for (HttpResponse<String> response : new HttpResponse[] {
            gateway.call("ListSecrets", "{}"), gateway.call("Nope", "{}"), health()}) {
            assertThat(UUID.fromString(response.headers().firstValue("x-amzn-RequestId").orElseThrow())).isNotNull();
            ZonedDateTime date = ZonedDateTime.parse(response.headers().firstValue("Date").orElseThrow(),
                    DateTimeFormatter.RFC_1123_DATE_TIME);
            assertThat(date.toInstant()).isBetween(java.time.Instant.now().minusSeconds(60),
                    java.time.Instant.now().plusSeconds(60));
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/x-amz-json-1.1");
        }
    }

    @Test
    void otherPathsAndMethodsAre404WithTheErrorShape() {
        HttpResponse<String> response = gateway.send(HttpRequest.newBuilder(gateway.endpoint().resolve("/secrets")).GET().build());

        assertError(response, 404, "UnknownOperationException");
    }

    @Test
    void healthIsOkWhileReady() {
        HttpResponse<String> response = health();

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).get("status").asText()).isEqualTo("ok");
    }

    @Test
    void healthIs503WhileNotReady() {
        try (TestGateway starting = TestGateway.start(b -> b.readiness(() -> false))) {
            HttpResponse<String> response = starting.send(
                    HttpRequest.newBuilder(starting.endpoint().resolve("/health")).GET().build());

            assertThat(response.statusCode()).isEqualTo(503);
            assertThat(json(response).get("status").asText()).isEqualTo("unavailable");
        }
    }

    @Test
    void timestampsAreEpochSecondsAsJsonNumbersAndBinaryIsBase64() {
        gateway.call("CreateSecret", "{\"Name\": \"wire-shape\", \"SecretBinary\": \"AAEC/w==\"}");

        JsonNode described = json(gateway.call("DescribeSecret", "{\"SecretId\": \"wire-shape\"}"));
        JsonNode value = json(gateway.call("GetSecretValue", "{\"SecretId\": \"wire-shape\"}"));

        assertThat(described.get("CreatedDate").isNumber()).isTrue();
        assertThat(described.get("CreatedDate").asDouble()).isCloseTo(System.currentTimeMillis() / 1000.0,
                org.assertj.core.data.Offset.offset(60.0));
        assertThat(value.get("CreatedDate").isNumber()).isTrue();
        assertThat(value.get("SecretBinary").asText()).isEqualTo("AAEC/w==");
        assertThat(value.has("SecretString")).isFalse();
    }

    private static HttpResponse<String> health() {
        return gateway.send(HttpRequest.newBuilder(gateway.endpoint().resolve("/health")).GET().build());
    }

    static void assertError(HttpResponse<String> response, int status, String code) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("x-amzn-ErrorType")).hasValue(code);
        JsonNode body = json(response);
        assertThat(body.get("__type").asText()).isEqualTo(code);
        assertThat(body.get("Message").isTextual()).isTrue();
        assertThat(response.body()).doesNotContain("Exception:", "\tat ", ".java:");
    }

    static String message(HttpResponse<String> response) {
        return json(response).get("Message").asText();
    }

    static JsonNode json(HttpResponse<String> response) {
        try {
            return WireJson.MAPPER.readTree(response.body());
        } catch (java.io.IOException e) {
            throw new AssertionError("not JSON: " + response.body(), e);
        }
    }
}
