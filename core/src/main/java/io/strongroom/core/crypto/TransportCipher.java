package io.strongroom.core.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.MGF1ParameterSpec;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;

/**
 * Carries a data key from one region to another without either region holding the other's master
 * key: the primary wraps the data key to the target region's replication public key (RSA-OAEP with
 * SHA-256), the target unwraps it with its private key and wraps it under its own master key. The
 * OAEP label is the associated data {@code account/secretId/versionId}, so a transport key moved to
 * another version does not open.
 */
public final class TransportCipher {
    private static final String TRANSFORMATION = "RSA/ECB/OAEPPadding";

    private TransportCipher() {}

    public static byte[] wrap(PublicKey recipient, byte[] dataKey, String associatedData) {
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.ENCRYPT_MODE, recipient, parameters(associatedData));
            return cipher.doFinal(dataKey);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot wrap a data key for transport: " + e.getClass().getSimpleName());
        }
    }

    /** Empty when the transport key was not made for this private key and associated data. */
    public static Optional<byte[]> unwrap(PrivateKey own, byte[] transportKey, String associatedData) {
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.DECRYPT_MODE, own, parameters(associatedData));
            return Optional.of(cipher.doFinal(transportKey));
        } catch (GeneralSecurityException e) {
            return Optional.empty();
        }
    }

    private static OAEPParameterSpec parameters(String associatedData) {
        return new OAEPParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256,
                new PSource.PSpecified(associatedData.getBytes(StandardCharsets.UTF_8)));
    }
}
