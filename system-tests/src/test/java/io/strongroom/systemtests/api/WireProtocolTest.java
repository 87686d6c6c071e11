package io.strongroom.systemtests.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.strongroom.systemtests.support.SharedRegion;
import io.strongroom.systemtests.support.SignedHttp;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The AWS JSON 1.1 wire shapes on the dev cluster's real endpoint, as raw HTTP. */
@ExtendWith(SharedRegion.class)
class WireProtocolTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static HttpResponse<String> post(String target, String contentType, String body) {
        return SignedHttp.as(SharedRegion.endpoint(), SharedRegion.newAccount().accessKeyId())
                .post(target, contentType, body);
    }

    private static void assertAwsError(HttpResponse<String> response, int status, String code) {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("x-amzn-ErrorType")).hasValueSatisfying(v -> assertThat(v).startsWith(code));
        assertThat(response.body()).contains("\"__type\":\"" + code + "\"").contains("\"Message\"");
        assertThat(response.headers().firstValue("x-amzn-RequestId")).isPresent();
        assertThat(response.headers().firstValue("Date")).isPresent();
    }

    @Test
    void successfulCallsCarryRequestIdAndDate() throws Exception {
        HttpResponse<String> response = post("secretsmanager.ListSecrets", "application/x-amz-json-1.1", "{}");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("x-amzn-RequestId")).isPresent();
        assertThat(response.headers().firstValue("Date")).isPresent();
        assertThat(response.body()).contains("\"SecretList\"");
    }

    @Test
    void unknownOperationIsAnAwsError() throws Exception {
        assertAwsError(post("secretsmanager.MakeCoffee", "application/x-amz-json-1.1", "{}"), 400,
                "UnknownOperationException");
    }

    @Test
    void missingTargetIsAnAwsError() throws Exception {
        assertAwsError(post(null, "application/x-amz-json-1.1", "{}"), 400, "UnknownOperationException");
    }

    @Test
    void malformedJsonIsASerializationError() throws Exception {
        assertAwsError(post("secretsmanager.GetSecretValue", "application/x-amz-json-1.1", "{\"SecretId\":"), 400,
                "SerializationException");
    }

    @Test
    void wrongContentTypeIsRefusedWithoutA500() throws Exception {
        HttpResponse<String> response = post("secretsmanager.ListSecrets", "text/plain", "{}");
        assertThat(response.statusCode()).isBetween(400, 499);
        assertThat(response.body()).contains("__type");
    }

    @Test
    void oversizedBodyIsRefusedWithAnAnswer() throws Exception {
        String huge = "{\"Name\":\"big\",\"SecretString\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}";
        HttpResponse<String> response = post("secretsmanager.CreateSecret", "application/x-amz-json-1.1", huge);
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("__type");
    }

    @Test
    void healthAnswersOnceReady() throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(SharedRegion.endpoint().resolve("/health"))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
    }
}
