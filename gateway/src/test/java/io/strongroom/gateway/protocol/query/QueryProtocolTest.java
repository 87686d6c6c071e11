package io.strongroom.gateway.protocol.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.strongroom.gateway.support.TestGateway;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/** The HTTP Query form of the API: the same operations by GET or form POST, answered in XML. */
class QueryProtocolTest {
    private static final String FORM = "application/x-www-form-urlencoded";
    private static TestGateway gateway;
    private static SecretsManagerClient sdk;

    @BeforeAll
    static void start() {
        gateway = TestGateway.start();
        sdk = gateway.client();
    }

    @AfterAll
    static void stop() {
        sdk.close();
        gateway.close();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static String name() {
        return "query/" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void aFormPostCreatesASecretTheJsonApiThenReads() {
        String name = name();
        HttpResponse<String> response = gateway.post(null, FORM, "Action=CreateSecret&Version=2017-10-17&Name="
                + encode(name) + "&SecretString=" + encode("p@ss word&<x>") + "&Tags.member.1.Key=team"
                + "&Tags.member.1.Value=blue");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/xml");
        assertThat(response.body()).contains("<CreateSecretResponse xmlns=\"" + XmlResponse.NAMESPACE + "\">",
                "<Name>" + name + "</Name>", "<RequestId>");
        assertThat(sdk.getSecretValue(b -> b.secretId(name)).secretString()).isEqualTo("p@ss word&<x>");
        assertThat(sdk.describeSecret(b -> b.secretId(name)).tags()).singleElement()
                .satisfies(tag -> assertThat(tag.value()).isEqualTo("blue"));
    }

    @Test
    void aGetReadsTheSecretValueAsXml() {
        String name = name();
        sdk.createSecret(b -> b.name(name).secretString("a<b"));

        HttpResponse<String> response = gateway.get("Action=GetSecretValue&SecretId=" + encode(name)
                + "&VersionStage=AWSCURRENT");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("<GetSecretValueResult>", "<SecretString>a&lt;b</SecretString>",
                "<VersionStages><member>AWSCURRENT</member></VersionStages>")
                .containsPattern("<CreatedDate>\\d{4}-\\d\\d-\\d\\dT[0-9:.]+Z</CreatedDate>");
    }

    @Test
    void aPresignedGetIsServed() {
        String name = name();
        sdk.createSecret(b -> b.name(name).secretString("presigned"));

        HttpResponse<String> response = gateway.presignedGet("Action=GetSecretValue&SecretId=" + encode(name),
                java.time.Duration.ofMinutes(5));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("<SecretString>presigned</SecretString>");
    }

    @Test
    void anUnsignedGetIsRefused() {
        HttpResponse<String> response = gateway.send(java.net.http.HttpRequest.newBuilder(
                gateway.endpoint().resolve("/?Action=ListSecrets")).GET().build());

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("<Code>MissingAuthenticationTokenException</Code>");
    }

    @Test
    void listsAndNumbersAreReadFromQueryEncoding() {
        String name = name();
        sdk.createSecret(b -> b.name(name).secretString("v1"));

        HttpResponse<String> response = gateway.post(null, FORM, "Action=PutSecretValue&SecretId=" + encode(name)
                + "&SecretString=v2&VersionStages.member.1=AWSPENDING");
        HttpResponse<String> password = gateway.get("Action=GetRandomPassword&PasswordLength=12&ExcludePunctuation=true");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("<VersionStages><member>AWSPENDING</member></VersionStages>");
        assertThat(sdk.getSecretValue(b -> b.secretId(name)).secretString()).isEqualTo("v1");
        assertThat(password.body()).containsPattern("<RandomPassword>[A-Za-z0-9]{12}</RandomPassword>");
    }

    @Test
    void errorsAreXmlErrorResponses() {
        HttpResponse<String> response = gateway.get("Action=DescribeSecret&SecretId=" + encode(name()));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("<ErrorResponse", "<Type>Sender</Type>",
                "<Code>ResourceNotFoundException</Code>", "<Message>");
    }

    @Test
    void anUnknownOrMissingActionIsInvalidAction() {
        HttpResponse<String> unknown = gateway.get("Action=StealSecrets");
        HttpResponse<String> missing = gateway.post(null, FORM, "Name=x");

        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("<Code>InvalidAction</Code>", "StealSecrets");
        assertThat(missing.body()).contains("<Code>InvalidAction</Code>", "Missing Action");
    }

    @Test
    void aParameterOfTheWrongTypeIsASerializationError() {
        HttpResponse<String> response = gateway.get("Action=GetRandomPassword&PasswordLength=long");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("<Code>SerializationException</Code>");
    }
}
