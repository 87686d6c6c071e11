package io.strongroom.gateway.authz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.node.TextNode;
import io.strongroom.gateway.support.TestGateway;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.GetResourcePolicyResponse;
import software.amazon.awssdk.services.secretsmanager.model.MalformedPolicyDocumentException;
import software.amazon.awssdk.services.secretsmanager.model.PublicPolicyException;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;
import software.amazon.awssdk.services.secretsmanager.model.ValidateResourcePolicyResponse;
import software.amazon.awssdk.services.secretsmanager.model.ValidationErrorsEntry;

/** Put / Get / Delete / ValidateResourcePolicy through the SDK against the real aggregate. */
class ResourcePolicyOperationsTest {
    static final String SHARE = "{\"Version\": \"2012-10-17\", \"Statement\": {\"Effect\": \"Allow\", "
            + "\"Principal\": {\"AWS\": \"arn:aws:iam::444455556666:root\"}, \"Action\": \"secretsmanager:GetSecretValue\", \"Resource\": \"*\"}}";
    static final String PUBLIC = "{\"Version\": \"2012-10-17\", \"Statement\": {\"Effect\": \"Allow\", "
            + "\"Principal\": \"*\", \"Action\": \"secretsmanager:GetSecretValue\", \"Resource\": \"*\"}}";

    TestGateway gateway;
    SecretsManagerClient sdk;

    @BeforeEach
    void start() {
        gateway = TestGateway.start();
        sdk = gateway.client();
    }

    @AfterEach
    void stop() {
        gateway.close();
    }

    @Test
    void putGetDeleteRoundTrip() {
        String arn = sdk.createSecret(r -> r.name("app/db").secretString("v")).arn();

        assertThat(sdk.getResourcePolicy(r -> r.secretId("app/db")).resourcePolicy()).isNull();

        var put = sdk.putResourcePolicy(r -> r.secretId("app/db").resourcePolicy(SHARE).blockPublicPolicy(true));
        assertThat(put.arn()).isEqualTo(arn);
        assertThat(put.name()).isEqualTo("app/db");

        GetResourcePolicyResponse got = sdk.getResourcePolicy(r -> r.secretId(arn));
        assertThat(got.arn()).isEqualTo(arn);
        assertThat(got.name()).isEqualTo("app/db");
        assertThat(got.resourcePolicy()).isEqualTo(SHARE);

        var deleted = sdk.deleteResourcePolicy(r -> r.secretId("app/db"));
        assertThat(deleted.arn()).isEqualTo(arn);
        assertThat(sdk.getResourcePolicy(r -> r.secretId("app/db")).resourcePolicy()).isNull();
        sdk.deleteResourcePolicy(r -> r.secretId("app/db"));
    }

    @Test
    void getResourcePolicyLeavesOutTheMemberWhenThereIsNone() {
        sdk.createSecret(r -> r.name("bare").secretString("v"));

        HttpResponse<String> response = gateway.call("GetResourcePolicy", "{\"SecretId\": \"bare\"}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).doesNotContain("ResourcePolicy");
    }

    @Test
    void blockPublicPolicyRefusesABroadPolicy() {
        sdk.createSecret(r -> r.name("guarded").secretString("v"));

        assertThatThrownBy(() -> sdk.putResourcePolicy(r -> r.secretId("guarded").resourcePolicy(PUBLIC).blockPublicPolicy(true)))
                .isInstanceOf(PublicPolicyException.class)
                .hasMessageStartingWith("The BlockPublicPolicy parameter is set to true, and the resource policy did not "
                        + "prevent broad access to the secret.");
        assertThat(sdk.getResourcePolicy(r -> r.secretId("guarded")).resourcePolicy()).isNull();

        sdk.putResourcePolicy(r -> r.secretId("guarded").resourcePolicy(PUBLIC));
        assertThat(sdk.getResourcePolicy(r -> r.secretId("guarded")).resourcePolicy()).isEqualTo(PUBLIC);
    }

    @Test
    void anUnparsableOrInvalidPolicyIsMalformed() {
        sdk.createSecret(r -> r.name("strict").secretString("v"));

        assertThatThrownBy(() -> sdk.putResourcePolicy(r -> r.secretId("strict").resourcePolicy("{oops")))
                .isInstanceOf(MalformedPolicyDocumentException.class)
                .hasMessageStartingWith("This resource policy contains a syntax error.");
        assertThatThrownBy(() -> sdk.putResourcePolicy(r -> r.secretId("strict").resourcePolicy(
                SHARE.replace("arn:aws:iam::444455556666:root", "somebody"))))
                .isInstanceOf(MalformedPolicyDocumentException.class)
                .hasMessageStartingWith("This resource policy contains an unsupported principal.");
    }

    @Test
    void aPolicyLongerThanTheLimitIsAValidationError() {
        sdk.createSecret(r -> r.name("long").secretString("v"));
        String tooLong = SHARE.replace("\"Resource\": \"*\"", "\"Resource\": \"*\", \"Sid\": \"" + "x".repeat(20_480) + "\"");

        HttpResponse<String> response = gateway.call("PutResourcePolicy",
                "{\"SecretId\": \"long\", \"ResourcePolicy\": " + TextNode.valueOf(tooLong) + "}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("x-amzn-ErrorType")).hasValueSatisfying(t -> assertThat(t).startsWith("ValidationException"));
        assertThat(response.body()).contains("resourcePolicy").contains("20480");
    }

    @Test
    void putOnAMissingSecretIsNotFound() {
        assertThatThrownBy(() -> sdk.putResourcePolicy(r -> r.secretId("ghost").resourcePolicy(SHARE)))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void validatePassesANarrowPolicy() {
        ValidateResourcePolicyResponse result = sdk.validateResourcePolicy(r -> r.resourcePolicy(SHARE));

        assertThat(result.policyValidationPassed()).isTrue();
        assertThat(result.validationErrors()).isEmpty();
    }

    @Test
    void validateListsEveryProblem() {
        ValidateResourcePolicyResponse result = sdk.validateResourcePolicy(r -> r.resourcePolicy(
                "{\"Statement\": {\"Effect\": \"Perhaps\", \"Principal\": \"*\", \"Resource\": \"*\"}}"));

        assertThat(result.policyValidationPassed()).isFalse();
        assertThat(result.validationErrors()).extracting(ValidationErrorsEntry::checkName, ValidationErrorsEntry::errorMessage)
                .containsExactly(
                        tuple("SYNTAX_CHECK", "Statement 1 has an invalid Effect; use Allow or Deny."),
                        tuple("SYNTAX_CHECK", "Statement 1 is missing the Action element."));
    }

    @Test
    void validateFlagsBroadAccessForANamedSecret() {
        sdk.createSecret(r -> r.name("target").secretString("v"));

        ValidateResourcePolicyResponse result = sdk.validateResourcePolicy(r -> r.secretId("target").resourcePolicy(PUBLIC));

        assertThat(result.policyValidationPassed()).isFalse();
        assertThat(result.validationErrors()).extracting(ValidationErrorsEntry::checkName).containsExactly("BROAD_ACCESS_CHECK");
        assertThatThrownBy(() -> sdk.validateResourcePolicy(r -> r.secretId("absent").resourcePolicy(SHARE)))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void validateRefusesTextThatIsNotJson() {
        assertThatThrownBy(() -> sdk.validateResourcePolicy(r -> r.resourcePolicy("not json")))
                .isInstanceOf(MalformedPolicyDocumentException.class)
                .hasMessageStartingWith("This resource policy contains a syntax error.");
    }
}
