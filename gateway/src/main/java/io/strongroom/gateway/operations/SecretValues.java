package io.strongroom.gateway.operations;

import io.strongroom.core.command.NewValue;
import io.strongroom.core.crypto.EnvelopeCipher;
import io.strongroom.core.crypto.MasterKey;
import io.strongroom.core.crypto.SealedValue;
import io.strongroom.core.error.AwsErrorCode;
import io.strongroom.core.error.RejectedException;
import io.strongroom.core.query.ReadModel;
import io.strongroom.core.secret.SecretState;
import io.strongroom.core.secret.SecretVersion;
import io.strongroom.gateway.crypto.DataKeyCache;
import io.strongroom.gateway.crypto.SecretValue;
import io.strongroom.core.crypto.WrappedKey;
import io.strongroom.core.secret.StagingLabels;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Encryption and decryption of values at the gateway, the only place plaintext exists. Every value
 * is sealed under a fresh data key with the associated data {@code account/secretId/versionId}.
 *
 * <p>AES-GCM over at most 64 KiB takes microseconds, so it runs where the request is (a thread hop
 * would cost more); the random source is non-blocking.
 */
public final class SecretValues {
    private final EnvelopeCipher cipher;
    private final DataKeyCache dataKeys;

    public SecretValues(EnvelopeCipher cipher) {
        this.cipher = cipher;
        this.dataKeys = new DataKeyCache(cipher);
    }

    /** The key a request's KmsKeyId names (null: the default key); InvalidParameter if there is none. */
    public MasterKey keyForRequest(String kmsKeyId) {
        return cipher.keys().current(kmsKeyId).orElseThrow(() -> new RejectedException(
                AwsErrorCode.INVALID_PARAMETER, Messages.INVALID_KMS_KEY + kmsKeyId));
    }

    /** The key an existing secret is encrypted with; EncryptionFailure if this gateway lacks it. */
    public MasterKey keyForSecret(String kmsKeyId) {
        return cipher.keys().current(kmsKeyId).orElseThrow(() -> new RejectedException(
                AwsErrorCode.ENCRYPTION_FAILURE, Messages.ENCRYPTION_FAILURE));
    }

    public NewValue seal(MasterKey key, String account, String secretId, String versionId, SecretValue value) {
        SealedValue sealed = cipher.seal(key, value.type(), value.bytes(),
                EnvelopeCipher.associatedData(account, secretId, versionId));
        return new NewValue(sealed.value(), sealed.wrappedKey());
    }

    /**
     * The data keys of the versions labelled AWSCURRENT, AWSPENDING or AWSPREVIOUS, re-wrapped under
     * {@code newKey} (AWS re-encrypts those versions when UpdateSecret changes the KmsKeyId). A version
     * whose key is gone or whose master key this gateway lacks is left as it is, as AWS leaves versions
     * it cannot decrypt.
     */
    public CompletableFuture<Map<String, WrappedKey>> rewrapLabelled(ReadModel reader, SecretState state,
            MasterKey newKey) {
        Map<String, WrappedKey> rewrapped = new ConcurrentHashMap<>();
        CompletableFuture<?>[] all = state.versions().values().stream()
                .filter(v -> v.has(StagingLabels.CURRENT) || v.has(StagingLabels.PENDING) || v.has(StagingLabels.PREVIOUS))
                .map(v -> reader.dataKey(state.secretId(), v.versionId()).thenAccept(key -> key
                        .flatMap(wrapped -> cipher.rewrap(wrapped, newKey,
                                EnvelopeCipher.associatedData(state.account(), state.secretId(), v.versionId())))
                        .ifPresent(k -> rewrapped.put(v.versionId(), k))))
                .toArray(CompletableFuture[]::new);
        return CompletableFuture.allOf(all).thenApply(done -> Map.copyOf(rewrapped));
    }

    /** A version's plaintext; DecryptionFailure when its value or data key is gone, or the key does not open it. */
    public CompletableFuture<SecretValue> open(ReadModel reader, SecretState state, SecretVersion version) {
        String associatedData = EnvelopeCipher.associatedData(state.account(), state.secretId(), version.versionId());
        return reader.sealedValue(state.secretId(), version.versionId()).thenApply(found -> found
                .flatMap(sealed -> dataKeys.dataKey(sealed.wrappedKey(), associatedData)
                        .flatMap(dataKey -> cipher.open(sealed.value(), dataKey, associatedData))
                        .map(bytes -> new SecretValue(sealed.value().type(), bytes)))
                .orElseThrow(() -> new RejectedException(AwsErrorCode.DECRYPTION_FAILURE, Messages.DECRYPTION_FAILURE)));
    }

    /**
     * For an idempotent repeat (the ClientRequestToken names an existing version): succeeds if that
     * version holds the requested value, else ResourceExistsException, since versions are immutable.
     */
    public CompletableFuture<SecretVersion> requireSameValue(ReadModel reader, SecretState state, String versionId,
            SecretValue requested) {
        SecretVersion version = state.version(versionId).orElseThrow(() ->
                new RejectedException(AwsErrorCode.RESOURCE_EXISTS, Messages.VERSION_IMMUTABLE));
        if (requested == null) {
            throw new RejectedException(AwsErrorCode.RESOURCE_EXISTS, Messages.VERSION_IMMUTABLE);
        }
        return open(reader, state, version).thenApply(existing -> {
            if (!existing.sameAs(requested)) {
                throw new RejectedException(AwsErrorCode.RESOURCE_EXISTS, Messages.VERSION_IMMUTABLE);
            }
            return version;
        });
    }
}
