package io.strongroom.replicator.delta;

import io.strongroom.core.crypto.EnvelopeCipher;
import io.strongroom.core.crypto.WrappedKey;
import io.strongroom.core.event.EventEnvelope;
import io.strongroom.core.event.VersionAdded;
import io.strongroom.core.query.ReadModel;
import java.security.PublicKey;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The data keys of the versions a delta adds, re-wrapped for the target region: read wrapped from the
 * own projection, opened with the own master key and wrapped to the target's replication public key
 * ({@link EnvelopeCipher#exportKey}). A key the projection does not have yet is asked again after its
 * catch-up barrier; a key still absent then was shredded and is left out, as the contract says.
 */
public final class TransportKeys {
    private static final Logger LOG = LoggerFactory.getLogger(TransportKeys.class);

    private final ReadModel readModel;
    private final EnvelopeCipher cipher;
    private final Duration timeout;

    public TransportKeys(ReadModel readModel, EnvelopeCipher cipher, Duration timeout) {
        this.readModel = readModel;
        this.cipher = cipher;
        this.timeout = timeout;
    }

    /** Fails with an IllegalStateException when the projection cannot answer (the caller retries later). */
    public Map<String, byte[]> forEvents(List<EventEnvelope> events, PublicKey recipient) {
        Map<String, byte[]> keys = new HashMap<>();
        for (EventEnvelope event : events) {
            if (event.payload() instanceof VersionAdded added) {
                String aad = EnvelopeCipher.associatedData(event.account(), event.secretId(), added.versionId());
                dataKey(event.secretId(), added.versionId())
                        .flatMap(wrapped -> cipher.exportKey(wrapped, recipient, aad))
                        .ifPresentOrElse(key -> keys.put(added.versionId(), key),
                                () -> LOG.warn("no data key to carry for version {} of secret {}", added.versionId(),
                                        event.secretId()));
            }
        }
        return keys;
    }

    private Optional<WrappedKey> dataKey(String secretId, String versionId) {
        Optional<WrappedKey> key = get(readModel.dataKey(secretId, versionId));
        if (key.isPresent()) {
            return key;
        }
        // The replicator may read an outcome before the projection applied it: wait for its barrier once.
        get(readModel.catchUp(timeout));
        return get(readModel.dataKey(secretId, versionId));
    }

    private <T> T get(CompletableFuture<T> future) {
        try {
            return future.get(timeout.toMillis() + 1000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading a data key", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the projection cannot give data keys: " + e);
        }
    }
}
