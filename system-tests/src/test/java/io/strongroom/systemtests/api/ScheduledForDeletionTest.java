package io.strongroom.systemtests.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strongroom.systemtests.support.SharedRegion;
import io.strongroom.systemtests.support.TestAccount;
import java.util.UUID;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.InvalidRequestException;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;

/**
 * A secret scheduled for deletion: reads of its value and every change are InvalidRequestException;
 * DescribeSecret, ListSecretVersionIds, RestoreSecret and a forced DeleteSecret still work.
 */
@ExtendWith(SharedRegion.class)
class ScheduledForDeletionTest {
    private static final String MARKED =
            "You can't perform this operation on the secret because it was marked for deletion.";
    private static SecretsManagerClient sm;

    @BeforeAll
    static void client() {
        TestAccount account = SharedRegion.newAccount();
        sm = account.client(SharedRegion.endpoint());
    }

    @AfterAll
    static void close() {
        sm.close();
    }

    private record Doomed(String name, String version) {}

    private static Doomed doomed(String base) {
        String name = base + "-" + UUID.randomUUID().toString().substring(0, 8);
        String version = sm.createSecret(b -> b.name(name).secretString("x")).versionId();
        sm.deleteSecret(b -> b.secretId(name).recoveryWindowInDays(7L));
        return new Doomed(name, version);
    }

    private static void refused(ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOf(InvalidRequestException.class).hasMessageContaining(MARKED);
    }

    @Test
    void readingTheValueIsRefused() {
        Doomed d = doomed("get");
        refused(() -> sm.getSecretValue(b -> b.secretId(d.name())));
        refused(() -> sm.getSecretValue(b -> b.secretId(d.name()).versionId(d.version())));
    }

    @Test
    void writingAValueIsRefused() {
        Doomed d = doomed("put");
        refused(() -> sm.putSecretValue(b -> b.secretId(d.name()).secretString("y")));
        refused(() -> sm.updateSecret(b -> b.secretId(d.name()).secretString("y")));
        refused(() -> sm.updateSecret(b -> b.secretId(d.name()).description("y")));
    }

    @Test
    void changingLabelsOrTagsIsRefused() {
        Doomed d = doomed("labels");
        refused(() -> sm.updateSecretVersionStage(b -> b.secretId(d.name()).versionStage("blue")
                .moveToVersionId(d.version())));
        refused(() -> sm.tagResource(b -> b.secretId(d.name()).tags(t -> t.key("k").value("v"))));
        refused(() -> sm.untagResource(b -> b.secretId(d.name()).tagKeys("k")));
    }

    @Test
    void schedulingTheDeletionAgainIsRefused() {
        Doomed d = doomed("again");
        refused(() -> sm.deleteSecret(b -> b.secretId(d.name()).recoveryWindowInDays(10L)));
    }

    @Test
    void describingAndListingVersionsStillWork() {
        Doomed d = doomed("describe");
        assertThat(sm.describeSecret(b -> b.secretId(d.name())).deletedDate()).isNotNull();
        assertThat(sm.listSecretVersionIds(b -> b.secretId(d.name())).versions()).hasSize(1);
    }

    @Test
    void restoringStillWorks() {
        Doomed d = doomed("restore");
        sm.restoreSecret(b -> b.secretId(d.name()));
        assertThat(sm.getSecretValue(b -> b.secretId(d.name())).secretString()).isEqualTo("x");
    }

    @Test
    void aForcedDeleteStillWorks() {
        Doomed d = doomed("force");
        sm.deleteSecret(b -> b.secretId(d.name()).forceDeleteWithoutRecovery(true));
        assertThatThrownBy(() -> sm.describeSecret(b -> b.secretId(d.name())))
                .isInstanceOf(ResourceNotFoundException.class);
    }
}
