package io.strongroom.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class TransportCipherTest {
    private static final KeyPair TARGET = generate();
    private static final String AAD = "111122223333/secret-id/version-1";

    @Test
    void a_data_key_wrapped_for_a_region_opens_with_that_regions_private_key() {
        byte[] dataKey = new byte[32];
        new SecureRandom().nextBytes(dataKey);

        byte[] transport = TransportCipher.wrap(TARGET.getPublic(), dataKey, AAD);

        assertThat(transport).isNotEqualTo(dataKey);
        assertThat(TransportCipher.unwrap(TARGET.getPrivate(), transport, AAD)).contains(dataKey);
    }

    @Test
    void a_transport_key_does_not_open_for_another_version_or_another_region() {
        byte[] transport = TransportCipher.wrap(TARGET.getPublic(), new byte[32], AAD);

        assertThat(TransportCipher.unwrap(TARGET.getPrivate(), transport, "111122223333/secret-id/version-2")).isEmpty();
        assertThat(TransportCipher.unwrap(generate().getPrivate(), transport, AAD)).isEmpty();
    }

    @Test
    void many_data_keys_share_one_session_and_each_stays_bound_to_its_version() {
        byte[] first = TransportCipher.wrap(TARGET.getPublic(), new byte[32], AAD);
        byte[] second = TransportCipher.wrap(TARGET.getPublic(), filled((byte) 7), "111122223333/secret-id/version-2");

        // The RSA-wrapped session key at the front is the same; the sealed data keys differ.
        int wrappedLength = ((first[0] & 0xff) << 8) | (first[1] & 0xff);
        assertThat(java.util.Arrays.copyOfRange(second, 0, 2 + wrappedLength))
                .isEqualTo(java.util.Arrays.copyOfRange(first, 0, 2 + wrappedLength));
        assertThat(TransportCipher.unwrap(TARGET.getPrivate(), second, "111122223333/secret-id/version-2"))
                .contains(filled((byte) 7));
        assertThat(TransportCipher.unwrap(TARGET.getPrivate(), second, AAD)).isEmpty();
        assertThat(TransportCipher.unwrap(generate().getPrivate(), second, "111122223333/secret-id/version-2")).isEmpty();
    }

    @Test
    void a_truncated_or_tampered_transport_key_does_not_open() {
        byte[] transport = TransportCipher.wrap(TARGET.getPublic(), new byte[32], AAD);
        byte[] tampered = transport.clone();
        tampered[tampered.length - 1] ^= 1;

        assertThat(TransportCipher.unwrap(TARGET.getPrivate(), tampered, AAD)).isEmpty();
        assertThat(TransportCipher.unwrap(TARGET.getPrivate(), new byte[] {1}, AAD)).isEmpty();
        assertThat(TransportCipher.unwrap(TARGET.getPrivate(), java.util.Arrays.copyOf(transport, 100), AAD)).isEmpty();
    }

    private static byte[] filled(byte value) {
        byte[] bytes = new byte[32];
        java.util.Arrays.fill(bytes, value);
        return bytes;
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(3072);
            return generator.generateKeyPair();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
