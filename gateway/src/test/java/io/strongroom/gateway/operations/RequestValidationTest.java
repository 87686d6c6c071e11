package io.strongroom.gateway.operations;

import static io.strongroom.gateway.operations.SecretLifecycleTest.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strongroom.gateway.support.GatewayUnderTest;
import java.util.Collections;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.InvalidParameterException;
import software.amazon.awssdk.services.secretsmanager.model.InvalidRequestException;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;
import software.amazon.awssdk.services.secretsmanager.model.SecretsManagerException;
import software.amazon.awssdk.services.secretsmanager.model.Tag;

/** AWS's validation rules and messages, as the SDK sees them: the exception class, code, status and text. */
class RequestValidationTest {
    @RegisterExtension
    static final GatewayUnderTest gateway = new GatewayUnderTest();
    private final SecretsManagerClient sdk = gateway.sdk();

    @Test
    void bothValuesAreAnInvalidParameter() {
        assertThatThrownBy(() -> sdk.createSecret(r -> r.name(unique("both")).secretString("s")
                .secretBinary(SdkBytes.fromUtf8String("b"))))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageStartingWith("You can't specify both a binary secret value and a string secret value in the same secret.");
    }

    @Test
    void putWithoutAValueIsAnInvalidRequest() {
        String name = unique("novalue");
        sdk.createSecret(r -> r.name(name));

        assertThatThrownBy(() -> sdk.putSecretValue(r -> r.secretId(name)))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageStartingWith("You must provide either SecretString or SecretBinary.");
    }

    @Test
    void aNameWithForbiddenCharactersIsAValidationException() {
        assertValidation(() -> sdk.createSecret(r -> r.name("no spaces please")),
                "Invalid name. Must be a valid name containing alphanumeric characters, or any of the following: -/_+=.@!");
    }

    @Test
    void aSecretIdWithForbiddenCharactersIsAValidationException() {
        assertValidation(() -> sdk.getSecretValue(r -> r.secretId("what?")), "Invalid name.");
    }

    @Test
    void aTooLongNameIsAModelConstraintViolation() {
        String name = "n".repeat(513);

        assertValidation(() -> sdk.createSecret(r -> r.name(name)), "1 validation error detected: Value '" + name
                + "' at 'name' failed to satisfy constraint: Member must have length less than or equal to 512");
    }

    @Test
    void aTooLongDescriptionIsAModelConstraintViolation() {
        assertValidation(() -> sdk.createSecret(r -> r.name(unique("desc")).description("d".repeat(2049))),
                "at 'description' failed to satisfy constraint: Member must have length less than or equal to 2048");
    }

    @Test
    void aValueOverSixtyFourKibibytesIsReportedWithoutTheValue() {
        String big = "s".repeat(65537);

        assertValidation(() -> sdk.createSecret(r -> r.name(unique("big")).secretString(big)),
                "1 validation error detected: Value at 'secretString' failed to satisfy constraint: "
                        + "Member must have length less than or equal to 65536");
    }

    @Test
    void aValueOfExactlySixtyFourKibibytesIsAccepted() {
        String name = unique("max");
        String max = "m".repeat(65536);

        sdk.createSecret(r -> r.name(name).secretString(max));

        assertThat(sdk.getSecretValue(r -> r.secretId(name)).secretString()).isEqualTo(max);
    }

    @Test
    void anEmptyStringValueIsAModelConstraintViolation() {
        assertValidation(() -> sdk.createSecret(r -> r.name(unique("blank")).secretString("")),
                "Value at 'secretString' failed to satisfy constraint: Member must have length greater than or equal to 1");
    }

    @Test
    void aShortClientRequestTokenIsAModelConstraintViolation() {
        assertValidation(() -> sdk.createSecret(r -> r.name(unique("tok")).secretString("v").clientRequestToken("short")),
                "Value 'short' at 'clientRequestToken' failed to satisfy constraint: Member must have length greater than or equal to 32");
    }

    @Test
    void moreThanTwentyStagesIsAModelConstraintViolation() {
        String name = unique("stages");
        sdk.createSecret(r -> r.name(name).secretString("v"));
        String[] stages = new String[21];
        for (int i = 0; i < stages.length; i++) {
            stages[i] = "S" + i;
        }

        assertValidation(() -> sdk.putSecretValue(r -> r.secretId(name).secretString("w").versionStages(stages)),
                "at 'versionStages' failed to satisfy constraint: Member must have length less than or equal to 20");
    }

    @Test
    void tagLimitsAreModelConstraintViolationsNamingTheTag() {
        assertValidation(() -> sdk.createSecret(r -> r.name(unique("tags")).tags(Tag.builder().key("").value("v").build())),
                "Value '' at 'tags.1.member.key' failed to satisfy constraint: Member must have length greater than or equal to 1");
        Tag[] many = Collections.nCopies(51, Tag.builder().key("k").value("v").build()).toArray(Tag[]::new);
        assertValidation(() -> sdk.createSecret(r -> r.name(unique("tags")).tags(many)),
                "at 'tags' failed to satisfy constraint: Member must have length less than or equal to 50");
    }

    @Test
    void severalViolationsAreReportedTogether() {
        assertValidation(() -> sdk.createSecret(r -> r.name("n".repeat(600)).description("d".repeat(3000))),
                "2 validation errors detected: ");
    }

    @Test
    void maxResultsAboveOneHundredIsAModelConstraintViolation() {
        assertValidation(() -> sdk.listSecrets(r -> r.maxResults(101)),
                "Value '101' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 100");
    }

    @Test
    void aRecoveryWindowOutsideSevenToThirtyDaysIsAnInvalidParameter() {
        String name = unique("window");
        sdk.createSecret(r -> r.name(name).secretString("v"));

        assertThatThrownBy(() -> sdk.deleteSecret(r -> r.secretId(name).recoveryWindowInDays(6L)))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageStartingWith("The RecoveryWindowInDays value must be between 7 and 30 days (inclusive).");
    }

    @Test
    void aRecoveryWindowWithForceDeleteIsAnInvalidParameter() {
        String name = unique("force");
        sdk.createSecret(r -> r.name(name).secretString("v"));

        assertThatThrownBy(() -> sdk.deleteSecret(r -> r.secretId(name).recoveryWindowInDays(7L).forceDeleteWithoutRecovery(true)))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageStartingWith("You can't use ForceDeleteWithoutRecovery in conjunction with RecoveryWindowInDays.");
        assertThat(sdk.describeSecret(r -> r.secretId(name)).deletedDate()).isNull();
    }

    @Test
    void aSecretScheduledForDeletionCannotBeDeletedAgainWithoutForce() {
        String name = unique("twice");
        sdk.createSecret(r -> r.name(name).secretString("v"));
        sdk.deleteSecret(r -> r.secretId(name));

        assertThatThrownBy(() -> sdk.deleteSecret(r -> r.secretId(name)))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageStartingWith("You can't perform this operation on the secret because it was marked for deletion.");
    }

    @Test
    void writesToAnUnknownSecretAreResourceNotFound() {
        assertThatThrownBy(() -> sdk.putSecretValue(r -> r.secretId("nobody-home").secretString("v")))
                .isInstanceOf(ResourceNotFoundException.class)
                .hasMessageStartingWith("Secrets Manager can't find the specified secret.");
        assertThatThrownBy(() -> sdk.updateSecret(r -> r.secretId("nobody-home").description("d")))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> sdk.deleteSecret(r -> r.secretId("nobody-home")))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void anUnknownKmsKeyIsAnInvalidParameter() {
        assertThatThrownBy(() -> sdk.createSecret(r -> r.name(unique("kms")).secretString("v").kmsKeyId("alias/missing")))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageStartingWith("The operation failed because of an invalid KMS key");
    }

    @Test
    void aMissingRequiredMemberIsAModelConstraintViolation() {
        assertThat(gateway.call("GetSecretValue", "{}").body())
                .contains("\"__type\":\"ValidationException\"")
                .contains("Value null at 'secretId' failed to satisfy constraint: Member must not be null");
    }

    private static void assertValidation(Runnable call, String messagePart) {
        assertThatThrownBy(call::run)
                .isExactlyInstanceOf(SecretsManagerException.class)
                .satisfies(e -> {
                    SecretsManagerException error = (SecretsManagerException) e;
                    assertThat(error.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
                    assertThat(error.statusCode()).isEqualTo(400);
                    assertThat(error.awsErrorDetails().errorMessage()).contains(messagePart);
                });
    }

}
