package io.strongroom.systemtests.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strongroom.systemtests.support.SharedRegion;
import io.strongroom.systemtests.support.TestAccount;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.DescribeSecretResponse;
import software.amazon.awssdk.services.secretsmanager.model.FilterNameStringType;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;
import software.amazon.awssdk.services.secretsmanager.model.SecretsManagerException;

/**
 * Secrets belong to the caller's account: another account, signing with its own key, can neither see
 * nor touch them, by name (ResourceNotFoundException: in its account there is no such secret) nor by
 * full ARN (AccessDeniedException), in every operation.
 */
@ExtendWith(SharedRegion.class)
class AccountIsolationTest {
    private static final String NAME = "isolation/db-password";
    private static TestAccount owner;
    private static TestAccount stranger;
    private static SecretsManagerClient mine;
    private static SecretsManagerClient theirs;
    private static String arn;

    @BeforeAll
    static void ownersSecret() {
        owner = SharedRegion.newAccount();
        stranger = SharedRegion.newAccount();
        mine = owner.client(SharedRegion.endpoint());
        theirs = stranger.client(SharedRegion.endpoint());
        arn = mine.createSecret(r -> r.name(NAME).secretString("owner-value").description("owner's")).arn();
    }

    @AfterAll
    static void close() {
        mine.close();
        theirs.close();
    }

    private static void notFound(ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOf(ResourceNotFoundException.class);
    }

    private static void accessDenied(ThrowingCallable call, String action) {
        assertThatThrownBy(call).isInstanceOfSatisfying(SecretsManagerException.class, e -> {
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDeniedException");
            assertThat(e.awsErrorDetails().errorMessage()).contains("arn:aws:iam::" + stranger.accountId()
                    + ":root is not authorized to perform: secretsmanager:" + action + " on resource: " + arn);
        });
    }

    private static void ownersSecretIsUntouched() {
        assertThat(mine.getSecretValue(r -> r.secretId(NAME)).secretString()).isEqualTo("owner-value");
        DescribeSecretResponse described = mine.describeSecret(r -> r.secretId(arn));
        assertThat(described.description()).isEqualTo("owner's");
        assertThat(described.deletedDate()).isNull();
    }

    @Test
    void getSecretValueOfAnotherAccountsSecret() {
        notFound(() -> theirs.getSecretValue(r -> r.secretId(NAME)));
        accessDenied(() -> theirs.getSecretValue(r -> r.secretId(arn)), "GetSecretValue");
    }

    @Test
    void describeSecretOfAnotherAccountsSecret() {
        notFound(() -> theirs.describeSecret(r -> r.secretId(NAME)));
        accessDenied(() -> theirs.describeSecret(r -> r.secretId(arn)), "DescribeSecret");
    }

    @Test
    void putSecretValueOnAnotherAccountsSecret() {
        notFound(() -> theirs.putSecretValue(r -> r.secretId(NAME).secretString("stranger-value")));
        accessDenied(() -> theirs.putSecretValue(r -> r.secretId(arn).secretString("stranger-value")), "PutSecretValue");
        ownersSecretIsUntouched();
    }

    @Test
    void updateSecretOfAnotherAccountsSecret() {
        notFound(() -> theirs.updateSecret(r -> r.secretId(NAME).description("stranger's")));
        accessDenied(() -> theirs.updateSecret(r -> r.secretId(arn).description("stranger's").secretString("x")),
                "UpdateSecret");
        ownersSecretIsUntouched();
    }

    @Test
    void deleteSecretOfAnotherAccountsSecret() {
        notFound(() -> theirs.deleteSecret(r -> r.secretId(NAME).forceDeleteWithoutRecovery(true)));
        accessDenied(() -> theirs.deleteSecret(r -> r.secretId(arn).forceDeleteWithoutRecovery(true)), "DeleteSecret");
        ownersSecretIsUntouched();
    }

    @Test
    void createSecretWithTheSameNameMakesTheStrangersOwnSecret() {
        String name = NAME + "-shared";
        String ownerArn = mine.createSecret(r -> r.name(name).secretString("owner-copy")).arn();
        String strangerArn = theirs.createSecret(r -> r.name(name).secretString("stranger-copy")).arn();

        assertThat(strangerArn).startsWith("arn:aws:secretsmanager:us-east-1:" + stranger.accountId() + ":secret:");
        assertThat(theirs.getSecretValue(r -> r.secretId(name)).secretString()).isEqualTo("stranger-copy");
        assertThat(mine.getSecretValue(r -> r.secretId(ownerArn)).secretString()).isEqualTo("owner-copy");
        assertThatThrownBy(() -> theirs.createSecret(r -> r.name(arn).secretString("by-arn")))
                .isInstanceOf(SecretsManagerException.class);
        ownersSecretIsUntouched();
    }

    @Test
    void listSecretsShowsOnlyTheCallersAccount() {
        assertThat(theirs.listSecrets(r -> { }).secretList()).noneMatch(s -> s.arn().equals(arn))
                .allMatch(s -> s.arn().contains(":" + stranger.accountId() + ":secret:"));
        assertThat(theirs.listSecrets(r -> r.filters(f -> f.key(FilterNameStringType.NAME).values(NAME))).secretList())
                .noneMatch(s -> s.arn().equals(arn));
        assertThat(mine.listSecrets(r -> { }).secretList()).anyMatch(s -> s.arn().equals(arn));
    }
}
