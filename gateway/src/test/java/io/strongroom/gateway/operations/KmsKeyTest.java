package io.strongroom.gateway.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strongroom.core.crypto.WrappedKey;
import io.strongroom.gateway.support.TestGateway;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.InvalidParameterException;

/** KmsKeyId: which master key wraps a version's data key, and what changing it does (through the SDK). */
class KmsKeyTest {
    private static final String OTHER_ALIAS_ARN =
            "arn:aws:kms:us-east-1:" + TestGateway.ACCOUNT + ":" + TestGateway.OTHER_KMS_KEY;
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

    @Test
    void anUnknownKmsKeyIdIsAnInvalidParameter() {
        assertThatThrownBy(() -> sdk.createSecret(r -> r.name(unique()).secretString("v").kmsKeyId("alias/nope")))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("The operation failed because of an invalid KMS key: Invalid keyId");
        String name = unique();
        sdk.createSecret(r -> r.name(name).secretString("v"));
        assertThatThrownBy(() -> sdk.updateSecret(r -> r.secretId(name).kmsKeyId("arn:aws:kms:us-east-1:1:key/nope")))
                .isInstanceOf(InvalidParameterException.class);
    }

    @Test
    void aSecretUnderANamedKeyShowsItAndReadsBack() {
        String name = unique();
        sdk.createSecret(r -> r.name(name).secretString("under other").kmsKeyId(OTHER_ALIAS_ARN));

        assertThat(sdk.describeSecret(r -> r.secretId(name)).kmsKeyId()).isEqualTo(OTHER_ALIAS_ARN);
        assertThat(sdk.getSecretValue(r -> r.secretId(name)).secretString()).isEqualTo("under other");
        assertThat(dataKey(name, sdk.getSecretValue(r -> r.secretId(name)).versionId()).masterKeyId())
                .isEqualTo(TestGateway.OTHER_KMS_KEY + "#1");
    }

    @Test
    void theAwsManagedKeyIsLeftOutOfDescribeSecretAsAwsDoes() {
        String name = unique();
        sdk.createSecret(r -> r.name(name).secretString("v").kmsKeyId(""));

        assertThat(sdk.describeSecret(r -> r.secretId(name)).kmsKeyId()).isNull();
    }

    @Test
    void updatingOnlyTheKmsKeyIdRewrapsTheLabelledVersionsAndLeavesOthersReadable() {
        String name = unique();
        String v1 = sdk.createSecret(r -> r.name(name).secretString("one")).versionId();
        String v2 = sdk.putSecretValue(r -> r.secretId(name).secretString("two")).versionId();
        String v3 = sdk.putSecretValue(r -> r.secretId(name).secretString("three")).versionId();

        sdk.updateSecret(r -> r.secretId(name).kmsKeyId(TestGateway.OTHER_KMS_KEY));

        assertThat(dataKey(name, v3).masterKeyId()).isEqualTo(TestGateway.OTHER_KMS_KEY + "#1");
        assertThat(dataKey(name, v2).masterKeyId()).isEqualTo(TestGateway.OTHER_KMS_KEY + "#1");
        assertThat(dataKey(name, v1).masterKeyId()).isEqualTo("alias/aws/secretsmanager#1");
        assertThat(sdk.getSecretValue(r -> r.secretId(name)).secretString()).isEqualTo("three");
        assertThat(sdk.getSecretValue(r -> r.secretId(name).versionStage("AWSPREVIOUS")).secretString()).isEqualTo("two");
        assertThat(sdk.getSecretValue(r -> r.secretId(name).versionId(v1)).secretString()).isEqualTo("one");
        assertThat(sdk.describeSecret(r -> r.secretId(name)).kmsKeyId()).isEqualTo(TestGateway.OTHER_KMS_KEY);
        String v4 = sdk.putSecretValue(r -> r.secretId(name).secretString("four")).versionId();
        assertThat(dataKey(name, v4).masterKeyId()).isEqualTo(TestGateway.OTHER_KMS_KEY + "#1");
    }

    private static WrappedKey dataKey(String name, String versionId) {
        String secretId = gateway.secrets.secretIdOf(TestGateway.ACCOUNT, name);
        return gateway.secrets.dataKey(secretId, versionId).join().orElseThrow();
    }

    private static String unique() {
        return "kms/" + UUID.randomUUID();
    }
}
