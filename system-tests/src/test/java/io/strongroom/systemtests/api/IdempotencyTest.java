package io.strongroom.systemtests.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strongroom.systemtests.support.SharedRegion;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.ResourceExistsException;

/** A repeated ClientRequestToken never creates a second version (what makes client retries safe). */
@ExtendWith(SharedRegion.class)
class IdempotencyTest {
    private static SecretsManagerClient sm;

    @BeforeAll
    static void client() {
        sm = SharedRegion.newAccount().client(SharedRegion.endpoint());
    }

    @AfterAll
    static void close() {
        sm.close();
    }

    @Test
    void repeatedCreateWithSameTokenAndValueReturnsTheSameVersion() {
        String name = "idem-create-" + UUID.randomUUID();
        String token = UUID.randomUUID().toString();
        String first = sm.createSecret(b -> b.name(name).secretString("v").clientRequestToken(token)).versionId();
        String again = sm.createSecret(b -> b.name(name).secretString("v").clientRequestToken(token)).versionId();

        assertThat(again).isEqualTo(first).isEqualTo(token);
        assertThat(sm.describeSecret(b -> b.secretId(name)).versionIdsToStages()).hasSize(1);
    }

    @Test
    void repeatedPutWithSameTokenAndValueIsANoOp() {
        String name = "idem-put-" + UUID.randomUUID();
        sm.createSecret(b -> b.name(name).secretString("v1"));
        String token = UUID.randomUUID().toString();
        sm.putSecretValue(b -> b.secretId(name).secretString("v2").clientRequestToken(token));
        sm.putSecretValue(b -> b.secretId(name).secretString("v2").clientRequestToken(token));

        assertThat(sm.describeSecret(b -> b.secretId(name)).versionIdsToStages()).hasSize(2);
        assertThat(sm.getSecretValue(b -> b.secretId(name).versionStage("AWSPREVIOUS")).secretString()).isEqualTo("v1");
    }

    @Test
    void sameTokenWithADifferentValueIsRefused() {
        String name = "idem-conflict-" + UUID.randomUUID();
        sm.createSecret(b -> b.name(name).secretString("v1"));
        String token = UUID.randomUUID().toString();
        sm.putSecretValue(b -> b.secretId(name).secretString("v2").clientRequestToken(token));

        assertThatThrownBy(() -> sm.putSecretValue(b -> b.secretId(name).secretString("other").clientRequestToken(token)))
                .isInstanceOf(ResourceExistsException.class)
                .hasMessageContaining("You can't modify an existing version, you can only create a new version.");
        assertThat(sm.getSecretValue(b -> b.secretId(name)).secretString()).isEqualTo("v2");
    }
}
