package io.strongroom.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import io.strongroom.core.secret.ValueType;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class EnvelopeCipherTest {
    static final byte[] PLAINTEXT = "{\"password\":\"hunter2-hunter2\"}".getBytes(StandardCharsets.UTF_8);
    static final String AAD = EnvelopeCipher.associatedData("111122223333", "secret-1", "v1");

    static MasterKey key(int version, int fill) {
        byte[] material = new byte[32];
        Arrays.fill(material, (byte) fill);
        return new MasterKey(MasterKeyRing.DEFAULT_KEY, version, material);
    }

    final MasterKey v1 = key(1, 1);
    final MasterKey v2 = key(2, 2);
    final EnvelopeCipher cipher = new EnvelopeCipher(new MasterKeyRing(List.of(v1, v2)), new SecureRandom());

    @Test
    void aSealedValueOpensUnderTheSameContext() {
        SealedValue sealed = cipher.seal(v2, ValueType.BINARY, PLAINTEXT, AAD);

        assertThat(sealed.value().type()).isEqualTo(ValueType.BINARY);
        assertThat(sealed.wrappedKey().masterKeyId()).isEqualTo("alias/aws/secretsmanager#2");
        assertThat(cipher.open(sealed.value(), sealed.wrappedKey(), AAD)).hasValueSatisfying(
                plain -> assertThat(plain).isEqualTo(PLAINTEXT));
    }

    @Test
    void aValueDoesNotOpenForAnotherVersionSecretOrAccount() {
        SealedValue sealed = cipher.seal(v2, ValueType.STRING, PLAINTEXT, AAD);

        for (String other : List.of(
                EnvelopeCipher.associatedData("111122223333", "secret-1", "v2"),
                EnvelopeCipher.associatedData("111122223333", "secret-2", "v1"),
                EnvelopeCipher.associatedData("444455556666", "secret-1", "v1"))) {
            assertThat(cipher.open(sealed.value(), sealed.wrappedKey(), other)).as(other).isEmpty();
        }
    }

    @Test
    void aValueDoesNotOpenWithAnotherVersionsDataKey() {
        SealedValue first = cipher.seal(v2, ValueType.STRING, PLAINTEXT, AAD);
        SealedValue second = cipher.seal(v2, ValueType.STRING, PLAINTEXT, AAD);

        assertThat(cipher.open(first.value(), second.wrappedKey(), AAD)).isEmpty();
    }

    @Test
    void aTamperedCiphertextDoesNotOpen() {
        SealedValue sealed = cipher.seal(v2, ValueType.STRING, PLAINTEXT, AAD);
        byte[] tampered = sealed.value().ciphertext().clone();
        tampered[tampered.length - 1] ^= 1;

        assertThat(cipher.open(new io.strongroom.core.secret.EncryptedValue(ValueType.STRING, tampered),
                sealed.wrappedKey(), AAD)).isEmpty();
        assertThat(cipher.open(new io.strongroom.core.secret.EncryptedValue(ValueType.STRING, new byte[3]),
                sealed.wrappedKey(), AAD)).isEmpty();
    }

    @Test
    void theNewestMasterKeyVersionWrapsWhileOlderVersionsStillOpen() {
        assertThat(cipher.keys().current(null)).contains(v2);
        assertThat(cipher.keys().current(MasterKeyRing.DEFAULT_KEY)).contains(v2);

        SealedValue old = cipher.seal(v1, ValueType.STRING, PLAINTEXT, AAD);
        SealedValue fresh = cipher.seal(cipher.keys().current(null).orElseThrow(), ValueType.STRING, PLAINTEXT, AAD);

        assertThat(old.wrappedKey().masterKeyId()).isEqualTo("alias/aws/secretsmanager#1");
        assertThat(fresh.wrappedKey().masterKeyId()).isEqualTo("alias/aws/secretsmanager#2");
        assertThat(cipher.open(old.value(), old.wrappedKey(), AAD)).isPresent();
        assertThat(cipher.open(fresh.value(), fresh.wrappedKey(), AAD)).isPresent();
    }

    @Test
    void theRingPicksTheNewestVersionWhateverTheOrder() {
        assertThat(new MasterKeyRing(List.of(v2, v1)).current(null)).contains(v2);
        assertThat(new MasterKeyRing(List.of(v1)).current("alias/unknown")).isEmpty();
    }

    @Test
    void aValueWrappedByAnUnknownMasterKeyDoesNotOpen() {
        SealedValue sealed = cipher.seal(v1, ValueType.STRING, PLAINTEXT, AAD);
        EnvelopeCipher withoutV1 = new EnvelopeCipher(new MasterKeyRing(List.of(v2)), new SecureRandom());

        assertThat(withoutV1.open(sealed.value(), sealed.wrappedKey(), AAD)).isEmpty();
    }

    @Test
    void neitherCiphertextNorWrappedKeyContainsThePlaintext() {
        SealedValue sealed = cipher.seal(v2, ValueType.STRING, PLAINTEXT, AAD);

        assertThat(indexOf(sealed.value().ciphertext(), PLAINTEXT)).isEqualTo(-1);
        assertThat(indexOf(sealed.wrappedKey().ciphertext(), PLAINTEXT)).isEqualTo(-1);
        assertThat(sealed.value().ciphertext().length).isEqualTo(12 + PLAINTEXT.length + 16);
    }

    @Test
    void sealingTheSameValueTwiceGivesDifferentCiphertexts() {
        SealedValue a = cipher.seal(v2, ValueType.STRING, PLAINTEXT, AAD);
        SealedValue b = cipher.seal(v2, ValueType.STRING, PLAINTEXT, AAD);

        assertThat(a.value().ciphertext()).isNotEqualTo(b.value().ciphertext());
        assertThat(a.wrappedKey().ciphertext()).isNotEqualTo(b.wrappedKey().ciphertext());
    }

    static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    @Test
    void aRewrappedDataKeyOpensTheSameCiphertextUnderTheNewMasterKey() {
        MasterKey other = new MasterKey("alias/other", 1, new byte[32]);
        EnvelopeCipher both = new EnvelopeCipher(new MasterKeyRing(List.of(v1, v2, other)), new SecureRandom());
        SealedValue sealed = both.seal(v1, ValueType.STRING, PLAINTEXT, AAD);

        WrappedKey rewrapped = both.rewrap(sealed.wrappedKey(), other, AAD).orElseThrow();

        assertThat(rewrapped.masterKeyId()).isEqualTo("alias/other#1");
        assertThat(both.open(sealed.value(), rewrapped, AAD)).hasValueSatisfying(
                plain -> assertThat(plain).isEqualTo(PLAINTEXT));
        assertThat(both.rewrap(sealed.wrappedKey(), other, EnvelopeCipher.associatedData("1", "2", "3"))).isEmpty();
    }
}
