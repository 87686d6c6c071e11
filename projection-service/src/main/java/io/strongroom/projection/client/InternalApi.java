package io.strongroom.projection.client;

import io.strongroom.core.crypto.SealedValue;
import io.strongroom.core.crypto.WrappedKey;
import io.strongroom.core.secret.SecretState;

/**
 * The internal projection API, shared by its server and {@link RemoteReadModel}. JSON bodies through
 * {@code io.strongroom.core.codec.Json}; values travel as ciphertext only.
 *
 * <pre>
 * GET /internal/secret?account=&amp;secretId=            200 {@link SecretAnswer}
 * GET /internal/key?secretId=&amp;versionId=             200 {@link KeyAnswer}
 * GET /internal/value?secretId=&amp;versionId=           200 {@link ValueAnswer}
 * POST /internal/secrets   body ListQuery         200 SecretPage
 * GET /internal/accessed?secretId=                 200 {@link AccessAnswer}
 * POST /internal/access    body {@link AccessAnswer} 200 (a value read to record)
 * GET /internal/outcome/{commandId}?timeoutMs=     200 Outcome (long-poll)
 * GET /health                                      200 when serving, 503 otherwise; {@link Health}
 * </pre>
 *
 * Every failure answers an {@link ErrorAnswer}: {@code REJECTED} (400, an AWS error code and message),
 * {@code NOT_SERVING} (503), {@code TIMEOUT} (504, the outcome did not arrive in time),
 * {@code BAD_REQUEST} (400, a malformed internal call) or {@code INTERNAL} (500).
 */
public final class InternalApi {
    public static final String SECRET = "/internal/secret";
    public static final String KEY = "/internal/key";
    public static final String VALUE = "/internal/value";
    public static final String SECRETS = "/internal/secrets";
    public static final String OUTCOME = "/internal/outcome/";
    public static final String HEALTH = "/health";
    public static final String CATCH_UP = "/internal/catch-up";
    public static final String ACCESSED = "/internal/accessed";
    public static final String ACCESS = "/internal/access";
    /** The longest long-poll the server accepts; longer requests are cut to it. */
    public static final long MAX_OUTCOME_WAIT_MS = 60_000;

    private InternalApi() {}

    /** {@code secret} is absent when no live secret answers to the SecretId. */
    public record SecretAnswer(SecretState secret) {}

    /** {@code key} is absent when the version's key was shredded or never existed. */
    public record KeyAnswer(WrappedKey key) {}

    /** {@code sealed} is absent when the version's key was shredded, or the version removed or never stored. */
    public record ValueAnswer(SealedValue sealed) {}

    /** {@code day} is absent when the secret was never read. */
    public record AccessAnswer(String secretId, java.time.LocalDate day) {}

    public enum ErrorKind { REJECTED, NOT_SERVING, TIMEOUT, BAD_REQUEST, INTERNAL }

    /** @param code the AWS error code for {@code REJECTED}, else absent */
    public record ErrorAnswer(ErrorKind kind, String code, String message) {}

    public record Health(String instanceId, String phase, long maxLagRecords) {}
}
