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
