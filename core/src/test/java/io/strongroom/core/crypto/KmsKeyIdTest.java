package io.strongroom.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KmsKeyIdTest {
    static final String KEY_ID = "1234abcd-12ab-34cd-56ef-1234567890ab";

    @Test
    void everyFormAwsAcceptsNamesTheSameKey() {
        assertThat(KmsKeyId.canonical("alias/app")).isEqualTo("alias/app");
        assertThat(KmsKeyId.canonical("arn:aws:kms:us-east-1:111122223333:alias/app")).isEqualTo("alias/app");
        assertThat(KmsKeyId.canonical(KEY_ID)).isEqualTo(KEY_ID);
        assertThat(KmsKeyId.canonical("arn:aws:kms:us-east-1:111122223333:key/" + KEY_ID)).isEqualTo(KEY_ID);
    }

    @Test
    void anEmptyOrMissingKmsKeyIdIsTheAwsManagedKey() {
        assertThat(KmsKeyId.canonical(null)).isEqualTo(KmsKeyId.DEFAULT);
        assertThat(KmsKeyId.canonical("")).isEqualTo(KmsKeyId.DEFAULT);
        assertThat(KmsKeyId.isDefault("arn:aws:kms:eu-west-1:111122223333:alias/aws/secretsmanager")).isTrue();
        assertThat(KmsKeyId.isDefault("alias/app")).isFalse();
    }

    @Test
    void aRingResolvesAliasesKeyIdsAndArnsToTheNewestVersion() {
        MasterKeyRing ring = new MasterKeyRing(List.of(EnvelopeCipherTest.key(1, 1),
                new MasterKey(KEY_ID, 1, new byte[32]), new MasterKey(KEY_ID, 2, new byte[32])),
                Map.of("alias/app", KEY_ID));

        assertThat(ring.current("arn:aws:kms:us-east-1:111122223333:alias/app")).hasValueSatisfying(
                k -> assertThat(k.id()).isEqualTo(KEY_ID + "#2"));
        assertThat(ring.current("arn:aws:kms:us-east-1:111122223333:key/" + KEY_ID)).isPresent();
        assertThat(ring.current("")).hasValueSatisfying(k -> assertThat(k.name()).isEqualTo(KmsKeyId.DEFAULT));
        assertThat(ring.current("alias/unknown")).isEmpty();
        assertThat(ring.versionsByName()).containsEntry(KEY_ID, List.of(1, 2));
    }
}
