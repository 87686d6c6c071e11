package io.strongroom.gateway.operations;

import static io.strongroom.gateway.operations.SecretLifecycleTest.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strongroom.gateway.support.GatewayUnderTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.CreateSecretResponse;
import software.amazon.awssdk.services.secretsmanager.model.PutSecretValueResponse;
import software.amazon.awssdk.services.secretsmanager.model.ResourceExistsException;

/**
 * A retried write (same ClientRequestToken) is answered like the first when it carries the same
 * value, and refused when it would change an existing version, which is immutable.
 */
class IdempotencyTest {
    private static final String IMMUTABLE = "You can't modify an existing version, you can only create a new version.";
    @RegisterExtension
    static final GatewayUnderTest gateway = new GatewayUnderTest();
    private final SecretsManagerClient sdk = gateway.sdk();

    @Test
    void aRepeatedCreateWithTheSameValueAnswersTheSameSecretAndVersion() {
        String name = unique("retried");
        String token = UUID.randomUUID().toString();

        CreateSecretResponse first = sdk.createSecret(r -> r.name(name).secretString("v").clientRequestToken(token));
        CreateSecretResponse again = sdk.createSecret(r -> r.name(name).secretString("v").clientRequestToken(token));

        assertThat(again.arn()).isEqualTo(first.arn());
        assertThat(again.versionId()).isEqualTo(token);
    }

    @Test
    void aRepeatedCreateWithAnotherValueIsResourceExists() {
        String name = unique("changed");
        String token = UUID.randomUUID().toString();
        sdk.createSecret(r -> r.name(name).secretString("v").clientRequestToken(token));

        assertThatThrownBy(() -> sdk.createSecret(r -> r.name(name).secretString("w").clientRequestToken(token)))
                .isInstanceOf(ResourceExistsException.class)
                .hasMessageStartingWith(IMMUTABLE);
    }

    @Test
    void aRepeatedCreateWithTheSameBytesThroughTheOtherMemberIsResourceExists() {
        String name = unique("member");
        String token = UUID.randomUUID().toString();
        sdk.createSecret(r -> r.name(name).secretString("v").clientRequestToken(token));

        assertThatThrownBy(() -> sdk.createSecret(r -> r.name(name).secretBinary(SdkBytes.fromUtf8String("v"))
                .clientRequestToken(token))).isInstanceOf(ResourceExistsException.class);
    }

    @Test
    void aCreateWithANewTokenForATakenNameIsResourceExists() {
        String name = unique("taken");
        sdk.createSecret(r -> r.name(name).secretString("v"));

        assertThatThrownBy(() -> sdk.createSecret(r -> r.name(name).secretString("v")))
                .isInstanceOf(ResourceExistsException.class)
                .hasMessageStartingWith("The operation failed because the secret " + name + " already exists.");
    }

    @Test
    void aRepeatedPutWithTheSameValueAnswersTheSameVersionAndItsStages() {
        String name = unique("put-retried");
        sdk.createSecret(r -> r.name(name).secretString("one"));
        String token = UUID.randomUUID().toString();

        PutSecretValueResponse first = sdk.putSecretValue(r -> r.secretId(name).secretString("two").clientRequestToken(token));
        PutSecretValueResponse again = sdk.putSecretValue(r -> r.secretId(name).secretString("two").clientRequestToken(token));

        assertThat(again.versionId()).isEqualTo(first.versionId()).isEqualTo(token);
        assertThat(again.versionStages()).containsExactly("AWSCURRENT");
        assertThat(again.arn()).isEqualTo(first.arn());
    }

    @Test
    void aRepeatedPutWithAnotherValueIsResourceExistsAndChangesNothing() {
        String name = unique("put-changed");
        sdk.createSecret(r -> r.name(name).secretString("one"));
        String token = UUID.randomUUID().toString();
        sdk.putSecretValue(r -> r.secretId(name).secretString("two").clientRequestToken(token));

        assertThatThrownBy(() -> sdk.putSecretValue(r -> r.secretId(name).secretString("three").clientRequestToken(token)))
                .isInstanceOf(ResourceExistsException.class)
                .hasMessageStartingWith(IMMUTABLE);
        assertThat(sdk.getSecretValue(r -> r.secretId(name)).secretString()).isEqualTo("two");
    }

    @Test
    void aRepeatedUpdateWithTheSameValueAnswersTheSameVersion() {
        String name = unique("update-retried");
        sdk.createSecret(r -> r.name(name).secretString("one"));
        String token = UUID.randomUUID().toString();

        String first = sdk.updateSecret(r -> r.secretId(name).secretString("two").clientRequestToken(token)).versionId();
        String again = sdk.updateSecret(r -> r.secretId(name).secretString("two").clientRequestToken(token)).versionId();

        assertThat(again).isEqualTo(first).isEqualTo(token);
    }

    @Test
    void putReusingTheCreateTokenOfAnotherValueIsResourceExists() {
        String name = unique("reuse");
        String token = sdk.createSecret(r -> r.name(name).secretString("one")).versionId();

        assertThatThrownBy(() -> sdk.putSecretValue(r -> r.secretId(name).secretString("two").clientRequestToken(token)))
                .isInstanceOf(ResourceExistsException.class);
    }
}
