package io.strongroom.systemtests.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strongroom.systemtests.support.SharedRegion;
import io.strongroom.systemtests.support.TestAccount;
import io.strongroom.systemtests.support.TestIdentityPolicy;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.MalformedPolicyDocumentException;
import software.amazon.awssdk.services.secretsmanager.model.PublicPolicyException;
import software.amazon.awssdk.services.secretsmanager.model.SecretsManagerException;
import software.amazon.awssdk.services.secretsmanager.model.ValidateResourcePolicyResponse;
import software.amazon.awssdk.services.secretsmanager.model.ValidationErrorsEntry;

/**
 * Resource policies and authorization through the real pipeline: the policy is a command, an event
 * and part of the projected state, and every read is decided by the identity and resource policies.
 */
@ExtendWith(SharedRegion.class)
class ResourcePolicyTest {
    private static TestAccount owner;
    private static TestAccount partner;
    private static TestAccount plainOther;
    private static TestAccount noValues;
    private static SecretsManagerClient ownerSm;
    private static SecretsManagerClient partnerSm;
    private static SecretsManagerClient plainOtherSm;
    private static SecretsManagerClient noValuesSm;

    @BeforeAll
    static void accounts() {
        owner = SharedRegion.newAccount();
        partner = SharedRegion.newAccount(TestIdentityPolicy.SECRETS_OF_ANY_ACCOUNT);
        plainOther = SharedRegion.newAccount();
        noValues = SharedRegion.newAccount(TestIdentityPolicy.NO_SECRET_VALUES);
        ownerSm = owner.client(SharedRegion.endpoint());
        partnerSm = partner.client(SharedRegion.endpoint());
        plainOtherSm = plainOther.client(SharedRegion.endpoint());
        noValuesSm = noValues.client(SharedRegion.endpoint());
    }

    @AfterAll
    static void close() {
        ownerSm.close();
        partnerSm.close();
        plainOtherSm.close();
        noValuesSm.close();
    }

    static String grant(String effect, String principal, String action) {
        return "{\"Version\": \"2012-10-17\", \"Statement\": {\"Effect\": \"" + effect + "\", \"Principal\": {\"AWS\": \""
                + principal + "\"}, \"Action\": \"" + action + "\", \"Resource\": \"*\"}}";
    }

    static void accessDenied(SecretsManagerException error, String message) {
        assertThat(error.awsErrorDetails().errorCode()).isEqualTo("AccessDeniedException");
        assertThat(error.awsErrorDetails().errorMessage()).isEqualTo(message);
    }

    static String denied(TestAccount who, String action, String arn, String reason) {
        return "User: " + who.principalArn() + " is not authorized to perform: secretsmanager:" + action
                + " on resource: " + arn + " " + reason;
    }

    @Test
    void crossAccountGetSecretValueIsDeniedWithoutAResourcePolicy() {
        String arn = ownerSm.createSecret(r -> r.name("policy/unshared").secretString("mine")).arn();

        assertThatThrownBy(() -> partnerSm.getSecretValue(r -> r.secretId(arn)))
                .isInstanceOfSatisfying(SecretsManagerException.class, e -> accessDenied(e, denied(partner,
                        "GetSecretValue", arn, "because no resource-based policy allows the secretsmanager:GetSecretValue action")));
    }

    @Test
    void crossAccountGetSecretValueNeedsAnAllowInBothPolicies() {
        String arn = ownerSm.createSecret(r -> r.name("policy/shared").secretString("for partner")).arn();
        ownerSm.putResourcePolicy(r -> r.secretId(arn).blockPublicPolicy(true).resourcePolicy(
                "{\"Version\": \"2012-10-17\", \"Statement\": {\"Effect\": \"Allow\", \"Principal\": {\"AWS\": [\""
                        + partner.principalArn() + "\", \"" + plainOther.accountId() + "\"]}, "
                        + "\"Action\": \"secretsmanager:GetSecretValue\", \"Resource\": \"*\"}}"));

        assertThat(partnerSm.getSecretValue(r -> r.secretId(arn)).secretString()).isEqualTo("for partner");
        assertThatThrownBy(() -> partnerSm.describeSecret(r -> r.secretId(arn)))
                .isInstanceOfSatisfying(SecretsManagerException.class, e -> accessDenied(e, denied(partner,
                        "DescribeSecret", arn, "because no resource-based policy allows the secretsmanager:DescribeSecret action")));
        // The default identity policy covers only the caller's own account.
        assertThatThrownBy(() -> plainOtherSm.getSecretValue(r -> r.secretId(arn)))
                .isInstanceOfSatisfying(SecretsManagerException.class, e -> accessDenied(e, denied(plainOther,
                        "GetSecretValue", arn, "because no identity-based policy allows the secretsmanager:GetSecretValue action")));
        assertThat(partnerSm.listSecrets(r -> { }).secretList()).isEmpty();
    }

    @Test
    void anExplicitDenyInTheResourcePolicyBlocksTheOwner() {
        String arn = ownerSm.createSecret(r -> r.name("policy/locked").secretString("v")).arn();
        ownerSm.putResourcePolicy(r -> r.secretId("policy/locked")
                .resourcePolicy(grant("Deny", owner.accountId(), "secretsmanager:GetSecretValue")));

        assertThatThrownBy(() -> ownerSm.getSecretValue(r -> r.secretId("policy/locked")))
                .isInstanceOfSatisfying(SecretsManagerException.class, e -> accessDenied(e,
                        denied(owner, "GetSecretValue", arn, "with an explicit deny in a resource-based policy")));

        ownerSm.deleteResourcePolicy(r -> r.secretId("policy/locked"));
        assertThat(ownerSm.getSecretValue(r -> r.secretId("policy/locked")).secretString()).isEqualTo("v");
    }

    @Test
    void anExplicitDenyInTheIdentityPolicyBlocksItsOwnSecrets() {
        String arn = noValuesSm.createSecret(r -> r.name("policy/no-values").secretString("v")).arn();

        assertThat(noValuesSm.describeSecret(r -> r.secretId(arn)).arn()).isEqualTo(arn);
        assertThatThrownBy(() -> noValuesSm.getSecretValue(r -> r.secretId(arn)))
                .isInstanceOfSatisfying(SecretsManagerException.class, e -> accessDenied(e,
                        denied(noValues, "GetSecretValue", arn, "with an explicit deny in an identity-based policy")));
    }

    @Test
    void blockPublicPolicyRefusesAPolicyGrantingEveryone() {
        ownerSm.createSecret(r -> r.name("policy/public").secretString("v"));
        String everyone = "{\"Version\": \"2012-10-17\", \"Statement\": {\"Effect\": \"Allow\", \"Principal\": \"*\", "
                + "\"Action\": \"secretsmanager:GetSecretValue\", \"Resource\": \"*\"}}";

        assertThatThrownBy(() -> ownerSm.putResourcePolicy(r -> r.secretId("policy/public").resourcePolicy(everyone)
                .blockPublicPolicy(true)))
                .isInstanceOf(PublicPolicyException.class);
        assertThat(ownerSm.getResourcePolicy(r -> r.secretId("policy/public")).resourcePolicy()).isNull();
    }

    @Test
    void getAndDeleteRoundTripThePolicyText() {
        String arn = ownerSm.createSecret(r -> r.name("policy/round-trip").secretString("v")).arn();
        String policy = grant("Allow", partner.principalArn(), "secretsmanager:Describe*");

        ownerSm.putResourcePolicy(r -> r.secretId(arn).resourcePolicy(policy));
        var got = ownerSm.getResourcePolicy(r -> r.secretId("policy/round-trip"));
        assertThat(got.arn()).isEqualTo(arn);
        assertThat(got.name()).isEqualTo("policy/round-trip");
        assertThat(got.resourcePolicy()).isEqualTo(policy);
        assertThat(partnerSm.describeSecret(r -> r.secretId(arn)).name()).isEqualTo("policy/round-trip");

        assertThat(ownerSm.deleteResourcePolicy(r -> r.secretId(arn)).arn()).isEqualTo(arn);
        assertThat(ownerSm.getResourcePolicy(r -> r.secretId(arn)).resourcePolicy()).isNull();
        assertThatThrownBy(() -> partnerSm.describeSecret(r -> r.secretId(arn)))
                .isInstanceOfSatisfying(SecretsManagerException.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDeniedException"));
    }

    @Test
    void validateReportsProblemsAndRefusesNonJson() {
        ValidateResourcePolicyResponse passed = ownerSm.validateResourcePolicy(r -> r.resourcePolicy(
                grant("Allow", partner.accountId(), "secretsmanager:GetSecretValue")));
        assertThat(passed.policyValidationPassed()).isTrue();
        assertThat(passed.validationErrors()).isEmpty();

        ValidateResourcePolicyResponse failed = ownerSm.validateResourcePolicy(r -> r.resourcePolicy(
                "{\"Statement\": {\"Effect\": \"Allow\", \"Principal\": \"*\", \"Action\": \"secretsmanager:*\", \"Resource\": \"*\"}}"));
        assertThat(failed.policyValidationPassed()).isFalse();
        assertThat(failed.validationErrors()).extracting(ValidationErrorsEntry::checkName).containsExactly("BROAD_ACCESS_CHECK");

        assertThatThrownBy(() -> ownerSm.validateResourcePolicy(r -> r.resourcePolicy("{\"Statement\": ")))
                .isInstanceOf(MalformedPolicyDocumentException.class);
    }
}
