package io.strongroom.core.query;

import io.strongroom.core.crypto.SealedValue;
import io.strongroom.core.crypto.WrappedKey;
import io.strongroom.core.event.Outcome;
import io.strongroom.core.secret.SecretState;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * What the gateway asks a projection instance. One interface, two implementations: a direct call
 * when both run in one JVM, the internal HTTP API otherwise. Values leave it as ciphertext only.
 *
 * <p>Every method completes exceptionally with {@code RejectedException} for a bad argument (e.g. an
 * invalid NextToken) and with another exception when the instance cannot answer; it never blocks
 * the caller's thread for I/O beyond a local store read.
 */
public interface ReadModel {

    /** The live incarnation a SecretId (name, partial or full ARN) names, seen from the caller's account. */
    CompletableFuture<Optional<SecretState>> secret(String callerAccount, String secretId);

    /** A version's wrapped data key; empty if it was shredded or never existed. */
    CompletableFuture<Optional<WrappedKey>> dataKey(String secretId, String versionId);

    /**
     * A version's encrypted value with its wrapped data key, in one call (what a value read needs);
     * empty if the key was shredded or the version removed or never existed.
     */
    CompletableFuture<Optional<SealedValue>> sealedValue(String secretId, String versionId);

    CompletableFuture<SecretPage> listSecrets(ListQuery query);

    /** The day (UTC) a secret's value was last read in the region; empty if never (or not tracked). */
    default CompletableFuture<Optional<LocalDate>> lastAccessed(String secretId) {
        return CompletableFuture.completedFuture(Optional.empty());
    }

    /**
     * Tells the instance a secret's value was read on {@code day} (UTC). Fire-and-forget: the
     * instance publishes at most one change per secret and day to the access topic, which every
     * instance merges; the future completes once the instance has taken note (not published).
     */
    default CompletableFuture<Void> recordAccess(String secretId, LocalDate day) {
        return CompletableFuture.completedFuture(null);
    }

    /**
     * Completes once this instance has applied the command's outcome, with that outcome; completes
     * exceptionally with a {@link java.util.concurrent.TimeoutException} after {@code timeout}.
     */
    CompletableFuture<Outcome> awaitOutcome(String commandId, Duration timeout);

    /**
     * Completes once this instance has applied everything committed to the events log before the
     * call: the barrier a gateway waits for before it sends reads to an instance that just joined.
     * Completes exceptionally with a {@link java.util.concurrent.TimeoutException} after {@code timeout}.
     */
    CompletableFuture<Void> catchUp(Duration timeout);
}
