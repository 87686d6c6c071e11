package io.strongroom.core.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.spec.MGF1ParameterSpec;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;

/**
 * Carries a data key from one region to another without either region holding the other's master
 * key. Hybrid, because an RSA private-key operation per replicated version costs milliseconds of the
 * replica's command thread: the sender wraps a transport session key (AES-256) to the target region's
 * replication public key (RSA-OAEP with SHA-256) and reuses it for many data keys; each data key is
 * sealed under the session key with AES-GCM and the associated data {@code account/secretId/versionId},
 * so a transport key moved to another version does not open. The receiver opens each session key once
 * ({@link TransportSessions}). A transport key is {@code u16 length | RSA(session key) | GCM(data key)}.
 */
public final class TransportCipher {
    private static final String TRANSFORMATION = "RSA/ECB/OAEPPadding";
    private static final byte[] SESSION_LABEL = "strongroom/transport-session".getBytes(StandardCharsets.UTF_8);
    private static final SecureRandom RANDOM = new SecureRandom();

    private TransportCipher() {}

    public static byte[] wrap(PublicKey recipient, byte[] dataKey, String associatedData) {
        TransportSessions.Session session = TransportSessions.forRecipient(recipient,
                () -> newSession(recipient));
        byte[] sealed = AesGcm.encrypt(session.key(), dataKey, associatedData.getBytes(StandardCharsets.UTF_8), RANDOM);
        return ByteBuffer.allocate(2 + session.wrapped().length + sealed.length)
                .putShort((short) session.wrapped().length).put(session.wrapped()).put(sealed).array();
    }

    /** Empty when the transport key was not made for this private key and associated data. */
    public static Optional<byte[]> unwrap(PrivateKey own, byte[] transportKey, String associatedData) {
        if (transportKey.length < 2) {
            return Optional.empty();
        }
        ByteBuffer buffer = ByteBuffer.wrap(transportKey);
        int wrappedLength = Short.toUnsignedInt(buffer.getShort());
        if (buffer.remaining() <= wrappedLength) {
            return Optional.empty();
        }
        byte[] wrapped = new byte[wrappedLength];
        buffer.get(wrapped);
        byte[] sealed = new byte[buffer.remaining()];
        buffer.get(sealed);
        return TransportSessions.opened(own, wrapped, () -> rsa(Cipher.DECRYPT_MODE, own, wrapped))
                .flatMap(sessionKey -> AesGcm.decrypt(sessionKey, sealed, associatedData.getBytes(StandardCharsets.UTF_8)));
    }

    private static TransportSessions.Session newSession(PublicKey recipient) {
        byte[] key = new byte[AesGcm.KEY_BYTES];
        RANDOM.nextBytes(key);
        byte[] wrapped = rsa(Cipher.ENCRYPT_MODE, recipient, key)
                .orElseThrow(() -> new IllegalStateException("cannot wrap a transport session key"));
        return new TransportSessions.Session(key, wrapped);
    }

    private static Optional<byte[]> rsa(int mode, java.security.Key key, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(mode, key, new OAEPParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256,
                    new PSource.PSpecified(SESSION_LABEL)));
            return Optional.of(cipher.doFinal(input));
        } catch (GeneralSecurityException e) {
            return Optional.empty();
        }
    }
}
