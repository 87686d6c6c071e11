package io.strongroom.gateway.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import io.strongroom.core.crypto.EnvelopeCipher;
import io.strongroom.core.crypto.MasterKey;
import io.strongroom.core.crypto.MasterKeyRing;
import io.strongroom.core.crypto.SealedValue;
import io.strongroom.core.crypto.WrappedKey;
import io.strongroom.core.secret.ValueType;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class DataKeyCacheTest {
    static final byte[] PLAINTEXT = "hunter2".getBytes(StandardCharsets.UTF_8);
    static final String AAD = EnvelopeCipher.associatedData("111122223333", "secret-1", "v1");

    final MasterKey master = key("alias/aws/secretsmanager", 1);
    final MasterKey other = key("alias/other", 2);
    final EnvelopeCipher cipher = new EnvelopeCipher(new MasterKeyRing(List.of(master, other)), new SecureRandom());
    final DataKeyCache cache = new DataKeyCache(cipher);

    static MasterKey key(String name, int fill) {
        byte[] material = new byte[32];
        Arrays.fill(material, (byte) fill);
        return new MasterKey(name, 1, material);
    }

    @Test
    void aCachedDataKeyOpensTheValueAgain() {
        SealedValue sealed = cipher.seal(master, ValueType.STRING, PLAINTEXT, AAD);

        for (int read = 0; read < 2; read++) {
            byte[] dataKey = cache.dataKey(sealed.wrappedKey(), AAD).orElseThrow();
            assertThat(cipher.open(sealed.value(), dataKey, AAD)).hasValueSatisfying(
                    plain -> assertThat(plain).isEqualTo(PLAINTEXT));
        }
        assertThat(cache.size()).isEqualTo(1);
    }

    @Test
    void aWrappedKeyThatDiffersFromTheCachedOneIsUnwrappedItself() {
        SealedValue sealed = cipher.seal(master, ValueType.STRING, PLAINTEXT, AAD);
        cache.dataKey(sealed.wrappedKey(), AAD).orElseThrow();
        byte[] tampered = sealed.wrappedKey().ciphertext().clone();
        tampered[tampered.length - 1] ^= 1;

        assertThat(cache.dataKey(new WrappedKey(sealed.wrappedKey().masterKeyId(), tampered), AAD)).isEmpty();
        assertThat(cache.dataKey(new WrappedKey(other.id(), sealed.wrappedKey().ciphertext()), AAD)).isEmpty();
    }

    @Test
    void aKeyRewrappedUnderAnotherMasterKeyStillOpens() {
        SealedValue sealed = cipher.seal(master, ValueType.STRING, PLAINTEXT, AAD);
        cache.dataKey(sealed.wrappedKey(), AAD).orElseThrow();
        WrappedKey rewrapped = cipher.rewrap(sealed.wrappedKey(), other, AAD).orElseThrow();

        byte[] dataKey = cache.dataKey(rewrapped, AAD).orElseThrow();

        assertThat(cipher.open(sealed.value(), dataKey, AAD)).hasValueSatisfying(
                plain -> assertThat(plain).isEqualTo(PLAINTEXT));
    }

    @Test
    void aKeyIsNotServedForAnotherVersionsContext() {
        SealedValue sealed = cipher.seal(master, ValueType.STRING, PLAINTEXT, AAD);
        cache.dataKey(sealed.wrappedKey(), AAD).orElseThrow();

        assertThat(cache.dataKey(sealed.wrappedKey(), EnvelopeCipher.associatedData("111122223333", "secret-1", "v2")))
                .isEmpty();
    }

    @Test
    void itStaysBounded() {
        for (int i = 0; i <= DataKeyCache.MAX_ENTRIES; i++) {
            String aad = EnvelopeCipher.associatedData("111122223333", "secret-" + i, "v1");
            cache.dataKey(cipher.seal(master, ValueType.STRING, PLAINTEXT, aad).wrappedKey(), aad).orElseThrow();
        }

        assertThat(cache.size()).isLessThanOrEqualTo(DataKeyCache.MAX_ENTRIES);
    }
}
