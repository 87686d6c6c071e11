package io.strongroom.gateway.authz;

import static io.strongroom.gateway.support.TestGateway.ACCOUNT;
import static io.strongroom.gateway.support.TestGateway.OTHER_ACCOUNT;
import static io.strongroom.gateway.support.TestGateway.SECRET_KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strongroom.gateway.auth.AccessKeyAccounts;
import io.strongroom.gateway.auth.AccessKeyAccounts.Identity;
import io.strongroom.gateway.auth.SigV4Authenticator;
import io.strongroom.gateway.support.TestGateway;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;
import software.amazon.awssdk.services.secretsmanager.model.SecretsManagerException;

/** Identity and resource policies decide every operation, end to end through the SDK. */
class PolicyEnforcementTest {
    static final String OWNER_KEY = "AKIAPOLICYOWNER00001";
    static final String READER_KEY = "AKIAPOLICYREADER0001";
    static final String PARTNER_KEY = "AKIAPOLICYPARTNER001";
    static final String PARTNER_DEFAULT_KEY = "AKIAPOLICYPARTNER002";
    static final String OWNER = "arn:aws:iam::" + ACCOUNT + ":user/owner";
    static final String READER = "arn:aws:iam::" + ACCOUNT + ":user/reader";
    static final String PARTNER = "arn:aws:iam::" + OTHER_ACCOUNT + ":user/partner";
    static final String PARTNER_DEFAULT = "arn:aws:iam::" + OTHER_ACCOUNT + ":user/plain";
    static final String ANY_SECRET = """
            {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "secretsmanager:*", "Resource": "*"}}""";
    static final String READ_ONLY = """
            {"Version": "2012-10-17", "Statement": [
              {"Effect": "Allow", "Action": ["secretsmanager:GetSecretValue", "secretsmanager:Describe*"], "Resource": "*"},
              {"Effect": "Deny", "Action": "secretsmanager:ListSecrets", "Resource": "*"}]}""";

    TestGateway gateway;
    SecretsManagerClient owner;
    SecretsManagerClient reader;
    SecretsManagerClient partner;
    SecretsManagerClient partnerWithDefaultPolicy;

    @BeforeEach
    void start() {
        AccessKeyAccounts identities = AccessKeyAccounts.builder()
                .add(new Identity(OWNER_KEY, SECRET_KEY, ACCOUNT, OWNER, null))
                .add(new Identity(READER_KEY, SECRET_KEY, ACCOUNT, READER, READ_ONLY))
                .add(new Identity(PARTNER_KEY, SECRET_KEY, OTHER_ACCOUNT, PARTNER, ANY_SECRET))
                .add(new Identity(PARTNER_DEFAULT_KEY, SECRET_KEY, OTHER_ACCOUNT, PARTNER_DEFAULT, null))
                .build();
        gateway = TestGateway.start(b -> b.authenticator(
                new SigV4Authenticator(identities, TestGateway.REGION, Clock.systemUTC())));
        owner = gateway.client(OWNER_KEY);
        reader = gateway.client(READER_KEY);
        partner = gateway.client(PARTNER_KEY);
        partnerWithDefaultPolicy = gateway.client(PARTNER_DEFAULT_KEY);
    }

    @AfterEach
    void stop() {
        gateway.close();
    }

    static String grant(String effect, String principal, String action) {
        return "{\"Version\": \"2012-10-17\", \"Statement\": {\"Effect\": \"" + effect + "\", \"Principal\": {\"AWS\": \""
                + principal + "\"}, \"Action\": \"" + action + "\", \"Resource\": \"*\"}}";
    }

    static void accessDenied(SecretsManagerException error) {
        assertThat(error.awsErrorDetails().errorCode()).isEqualTo("AccessDeniedException");
        assertThat(error.statusCode()).isEqualTo(400);
    }

    static String denied(String principal, String action, String arn, String reason) {
        return "User: " + principal + " is not authorized to perform: secretsmanager:" + action + " on resource: " + arn
                + " " + reason;
    }

    @Test
    void anotherAccountReadsBySharedArnOnlyWithAnAllowInBothPolicies() {
        String arn = owner.createSecret(r -> r.name("shared").secretString("s3cr3t")).arn();

        assertThatThrownBy(() -> partner.getSecretValue(r -> r.secretId(arn)))
                .isInstanceOfSatisfying(SecretsManagerException.class, PolicyEnforcementTest::accessDenied)
                .hasMessageStartingWith(denied(PARTNER, "GetSecretValue", arn,
                        "because no resource-based policy allows the secretsmanager:GetSecretValue action"));

        owner.putResourcePolicy(r -> r.secretId("shared").resourcePolicy(grant("Allow", PARTNER, "secretsmanager:GetSecretValue")));

        assertThat(partner.getSecretValue(r -> r.secretId(arn)).secretString()).isEqualTo("s3cr3t");
        assertThatThrownBy(() -> partner.describeSecret(r -> r.secretId(arn)))
                .isInstanceOfSatisfying(SecretsManagerException.class, PolicyEnforcementTest::accessDenied);
        assertThatThrownBy(() -> partnerWithDefaultPolicy.getSecretValue(r -> r.secretId(arn)))
                .isInstanceOfSatisfying(SecretsManagerException.class, PolicyEnforcementTest::accessDenied)
                .hasMessageStartingWith(denied(PARTNER_DEFAULT, "GetSecretValue", arn,
                        "because no identity-based policy allows the secretsmanager:GetSecretValue action"));
    }

    @Test
    void aGrantToTheWholeAccountLetsItsIdentitiesInThroughTheirOwnPolicies() {
        String arn = owner.createSecret(r -> r.name("to-account").secretString("v")).arn();
        owner.putResourcePolicy(r -> r.secretId(arn).resourcePolicy(grant("Allow", OTHER_ACCOUNT, "secretsmanager:*")));

        assertThat(partner.describeSecret(r -> r.secretId(arn)).name()).isEqualTo("to-account");
        partner.putSecretValue(r -> r.secretId(arn).secretString("from partner"));
        assertThat(owner.getSecretValue(r -> r.secretId("to-account")).secretString()).isEqualTo("from partner");
        assertThatThrownBy(() -> partnerWithDefaultPolicy.describeSecret(r -> r.secretId(arn)))
                .isInstanceOfSatisfying(SecretsManagerException.class, PolicyEnforcementTest::accessDenied);
    }

    @Test
    void anExplicitDenyInTheResourcePolicyBlocksEvenTheOwner() {
        String arn = owner.createSecret(r -> r.name("locked").secretString("v")).arn();
        owner.putResourcePolicy(r -> r.secretId("locked").resourcePolicy(grant("Deny", ACCOUNT, "secretsmanager:GetSecretValue")));

        assertThatThrownBy(() -> owner.getSecretValue(r -> r.secretId("locked")))
                .isInstanceOfSatisfying(SecretsManagerException.class, PolicyEnforcementTest::accessDenied)
                .hasMessageStartingWith(denied(OWNER, "GetSecretValue", arn, "with an explicit deny in a resource-based policy"));
        assertThat(owner.describeSecret(r -> r.secretId("locked")).arn()).isEqualTo(arn);
    }

    @Test
    void theIdentityPolicyLimitsItsOwnAccount() {
        String arn = owner.createSecret(r -> r.name("for-reader").secretString("v")).arn();

        assertThat(reader.getSecretValue(r -> r.secretId("for-reader")).secretString()).isEqualTo("v");
        assertThatThrownBy(() -> reader.putSecretValue(r -> r.secretId("for-reader").secretString("w")))
                .isInstanceOfSatisfying(SecretsManagerException.class, PolicyEnforcementTest::accessDenied)
                .hasMessageStartingWith(denied(READER, "PutSecretValue", arn,
                        "because no identity-based policy allows the secretsmanager:PutSecretValue action"));
        assertThatThrownBy(() -> reader.listSecrets(r -> { }))
                .isInstanceOfSatisfying(SecretsManagerException.class, PolicyEnforcementTest::accessDenied)
                .hasMessageStartingWith(denied(READER, "ListSecrets", "*", "with an explicit deny in an identity-based policy"));
        assertThatThrownBy(() -> reader.createSecret(r -> r.name("mine").secretString("v")))
                .isInstanceOfSatisfying(SecretsManagerException.class, PolicyEnforcementTest::accessDenied)
                .hasMessageContaining("secretsmanager:CreateSecret on resource: arn:aws:secretsmanager:us-east-1:"
                        + ACCOUNT + ":secret:mine-");
        assertThat(gateway.secrets.sent()).hasSize(1);
    }

    @Test
    void aMissingSecretIsNotFoundInTheOwnAccountAndDeniedAcrossAccounts() {
        assertThatThrownBy(() -> owner.getSecretValue(r -> r.secretId("nothing")))
                .isInstanceOf(ResourceNotFoundException.class);
        String missing = "arn:aws:secretsmanager:us-east-1:" + ACCOUNT + ":secret:nothing-AbCdEf";
        assertThatThrownBy(() -> partner.getSecretValue(r -> r.secretId(missing)))
                .isInstanceOfSatisfying(SecretsManagerException.class, PolicyEnforcementTest::accessDenied)
                .hasMessageStartingWith(denied(PARTNER, "GetSecretValue", missing,
                        "because no resource-based policy allows the secretsmanager:GetSecretValue action"));
    }

    @Test
    void listSecretsShowsOnlyTheCallersAccountWhateverIsShared() {
        String arn = owner.createSecret(r -> r.name("shared-list").secretString("v")).arn();
        owner.putResourcePolicy(r -> r.secretId(arn).resourcePolicy(grant("Allow", PARTNER, "secretsmanager:*")));

        assertThat(partner.listSecrets(r -> { }).secretList()).isEmpty();
    }

    @Test
    void conditionsSeeTheRequestsSourceAddress() {
        String arn = owner.createSecret(r -> r.name("from-office").secretString("v")).arn();
        owner.putResourcePolicy(r -> r.secretId(arn).resourcePolicy("""
                {"Statement": {"Effect": "Allow", "Principal": {"AWS": "%s"}, "Action": "secretsmanager:GetSecretValue",
                 "Resource": "*", "Condition": {"IpAddress": {"aws:SourceIp": "10.0.0.0/8"}}}}""".formatted(PARTNER)));

        assertThatThrownBy(() -> partner.getSecretValue(r -> r.secretId(arn))).isInstanceOfSatisfying(SecretsManagerException.class, PolicyEnforcementTest::accessDenied);

        owner.putResourcePolicy(r -> r.secretId(arn).resourcePolicy("""
                {"Statement": {"Effect": "Allow", "Principal": {"AWS": "%s"}, "Action": "secretsmanager:GetSecretValue",
                 "Resource": "*", "Condition": {"IpAddress": {"aws:SourceIp": ["127.0.0.0/8", "::1/128"]},
                 "Bool": {"aws:SecureTransport": "false"}}}}""".formatted(PARTNER)));

        assertThat(partner.getSecretValue(r -> r.secretId(arn)).secretString()).isEqualTo("v");
    }
}
