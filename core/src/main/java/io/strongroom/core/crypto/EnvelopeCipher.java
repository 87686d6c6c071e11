package io.strongroom.core.crypto;

import io.strongroom.core.secret.EncryptedValue;
import io.strongroom.core.secret.ValueType;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Optional;

/**
 * Envelope encryption as AWS does it: each version gets a fresh 256-bit data key; the value is
 * sealed with AES-256-GCM under it, and the data key is sealed under the master key. Both carry the
 * associated data {@code account/secretId/versionId}, so a ciphertext or a wrapped key moved to
 * another secret or version does not open.
 */
public final class EnvelopeCipher {
    private final MasterKeyRing keys;
    private final SecureRandom random;

    public EnvelopeCipher(MasterKeyRing keys, SecureRandom random) {
        this.keys = keys;
        this.random = random;
    }

    public static String associatedData(String account, String secretId, String versionId) {
        return account + "/" + secretId + "/" + versionId;
    }

    public SealedValue seal(MasterKey masterKey, ValueType type, byte[] plaintext, String associatedData) {
        byte[] aad = associatedData.getBytes(StandardCharsets.UTF_8);
        byte[] dataKey = new byte[AesGcm.KEY_BYTES];
        random.nextBytes(dataKey);
        try {
            byte[] ciphertext = AesGcm.encrypt(dataKey, plaintext, aad, random);
            byte[] wrapped = AesGcm.encrypt(masterKey.material(), dataKey, aad, random);
            return new SealedValue(new EncryptedValue(type, ciphertext), new WrappedKey(masterKey.id(), wrapped));
        } finally {
            Arrays.fill(dataKey, (byte) 0);
        }
    }

    /** Empty when the master key is unknown or the ciphertext does not open under this context. */
    public Optional<byte[]> open(EncryptedValue value, WrappedKey wrappedKey, String associatedData) {
        byte[] aad = associatedData.getBytes(StandardCharsets.UTF_8);
        return keys.byId(wrappedKey.masterKeyId())
                .flatMap(master -> AesGcm.decrypt(master.material(), wrappedKey.ciphertext(), aad))
                .flatMap(dataKey -> {
                    try {
                        return AesGcm.decrypt(dataKey, value.ciphertext(), aad);
                    } finally {
                        Arrays.fill(dataKey, (byte) 0);
                    }
                });
    }

    /**
     * A version's data key, unwrapped: for a caller that keeps it to open the same version again
     * ({@link #open(EncryptedValue, byte[], String)}). Empty when the master key is unknown or the
     * wrapped key does not open under this context. The caller owns the array and must never log it.
     */
    public Optional<byte[]> unwrap(WrappedKey wrappedKey, String associatedData) {
        byte[] aad = associatedData.getBytes(StandardCharsets.UTF_8);
        return keys.byId(wrappedKey.masterKeyId())
                .flatMap(master -> AesGcm.decrypt(master.material(), wrappedKey.ciphertext(), aad));
    }

    /** A value opened with its data key already unwrapped; empty when it does not open under this context. */
    public Optional<byte[]> open(EncryptedValue value, byte[] dataKey, String associatedData) {
        return AesGcm.decrypt(dataKey, value.ciphertext(), associatedData.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The same data key wrapped under another master key (UpdateSecret with a new KmsKeyId re-encrypts
     * the labelled versions this way; the value's ciphertext is unchanged). Empty when the old master
     * key is unknown here or the wrapped key does not open under this context.
     */
    public Optional<WrappedKey> rewrap(WrappedKey wrappedKey, MasterKey newMasterKey, String associatedData) {
        byte[] aad = associatedData.getBytes(StandardCharsets.UTF_8);
        return keys.byId(wrappedKey.masterKeyId())
                .flatMap(master -> AesGcm.decrypt(master.material(), wrappedKey.ciphertext(), aad))
                .map(dataKey -> {
                    try {
                        return new WrappedKey(newMasterKey.id(), AesGcm.encrypt(newMasterKey.material(), dataKey, aad, random));
                    } finally {
                        Arrays.fill(dataKey, (byte) 0);
                    }
                });
    }

    /**
     * The data key of a version wrapped for another region (see {@link TransportCipher}). Empty when
     * the master key is unknown here or the wrapped key does not open under this context.
     */
    public Optional<byte[]> exportKey(WrappedKey wrappedKey, java.security.PublicKey recipient, String associatedData) {
        byte[] aad = associatedData.getBytes(StandardCharsets.UTF_8);
        return keys.byId(wrappedKey.masterKeyId())
                .flatMap(master -> AesGcm.decrypt(master.material(), wrappedKey.ciphertext(), aad))
                .map(dataKey -> {
                    try {
                        return TransportCipher.wrap(recipient, dataKey, associatedData);
                    } finally {
                        Arrays.fill(dataKey, (byte) 0);
                    }
                });
    }

    /** A data key another region sent, wrapped under this region's master key. Empty when it does not open. */
    public Optional<WrappedKey> importKey(byte[] transportKey, java.security.PrivateKey own, MasterKey masterKey,
            String associatedData) {
        byte[] aad = associatedData.getBytes(StandardCharsets.UTF_8);
        return TransportCipher.unwrap(own, transportKey, associatedData).map(dataKey -> {
            try {
                return new WrappedKey(masterKey.id(), AesGcm.encrypt(masterKey.material(), dataKey, aad, random));
            } finally {
                Arrays.fill(dataKey, (byte) 0);
            }
        });
    }

    public MasterKeyRing keys() {
        return keys;
    }
}
