package io.strongroom.systemtests.api;

import static io.strongroom.systemtests.support.AwsErrors.assertAwsError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strongroom.systemtests.support.SharedRegion;
import io.strongroom.systemtests.support.TestAccount;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.InvalidParameterException;
import software.amazon.awssdk.services.secretsmanager.model.InvalidRequestException;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;
import software.amazon.awssdk.services.secretsmanager.model.Tag;

/** UntagResource through the AWS SDK against the real pipeline. */
@ExtendWith(SharedRegion.class)
class UntagResourceTest {
    private static final Tag TEAM = Tag.builder().key("team").value("payments").build();
    private static final Tag ENV = Tag.builder().key("env").value("prod").build();
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

    private static String secret(String base) {
        String name = base + "-" + UUID.randomUUID().toString().substring(0, 8);
        sm.createSecret(b -> b.name(name).secretString("x").tags(TEAM, ENV));
        return name;
    }

    @Test
    void removesTheTagsWithTheGivenKeys() {
        String name = secret("untagged");

        sm.untagResource(b -> b.secretId(name).tagKeys("team"));

        assertThat(sm.describeSecret(b -> b.secretId(name)).tags()).containsExactly(ENV);
    }

    @Test
    void removingEveryTagLeavesNoTagsMember() {
        String name = secret("bare");

        sm.untagResource(b -> b.secretId(name).tagKeys("team", "env"));

        assertThat(sm.describeSecret(b -> b.secretId(name)).hasTags()).isFalse();
    }

    @Test
    void aKeyTheSecretDoesNotHaveIsIgnored() {
        String name = secret("idempotent");

        sm.untagResource(b -> b.secretId(name).tagKeys("absent"));
        sm.untagResource(b -> b.secretId(name).tagKeys("env", "env"));
        sm.untagResource(b -> b.secretId(name).tagKeys("env"));

        assertThat(sm.describeSecret(b -> b.secretId(name)).tags()).containsExactly(TEAM);
    }

    @Test
    void aKeyWithTheAwsPrefixIsAnInvalidParameter() {
        String name = secret("reserved");
        assertThatThrownBy(() -> sm.untagResource(b -> b.secretId(name).tagKeys("aws:createdBy")))
                .isInstanceOf(InvalidParameterException.class);
    }

    @Test
    void aKeyLongerThan128CharactersIsAValidationException() {
        String name = secret("long");
        assertAwsError(() -> sm.untagResource(b -> b.secretId(name).tagKeys("k".repeat(129))),
                "ValidationException", "Member must have length less than or equal to 128");
    }

    @Test
    void withoutTagKeysIsAValidationException() {
        String name = secret("no-keys");
        assertAwsError(() -> sm.untagResource(b -> b.secretId(name)), "ValidationException",
                "Value null at 'tagKeys' failed to satisfy constraint: Member must not be null");
    }

    @Test
    void untaggingAnUnknownSecretIsNotFound() {
        assertThatThrownBy(() -> sm.untagResource(b -> b.secretId("never-" + UUID.randomUUID()).tagKeys("team")))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void untaggingASecretScheduledForDeletionIsAnInvalidRequest() {
        String name = secret("doomed");
        sm.deleteSecret(b -> b.secretId(name));

        assertThatThrownBy(() -> sm.untagResource(b -> b.secretId(name).tagKeys("team")))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("marked for deletion");
    }
}
