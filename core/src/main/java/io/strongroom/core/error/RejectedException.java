package io.strongroom.core.error;

/**
 * Carries a {@link Rejection} across an edge (HTTP handler, internal API) where an exception is the
 * natural way out. Inside the domain, rejections stay values.
 */
public final class RejectedException extends RuntimeException {
    private final Rejection rejection;

    public RejectedException(Rejection rejection) {
        super(rejection.code().code() + ": " + rejection.message(), null, false, false);
        this.rejection = rejection;
    }

    public RejectedException(AwsErrorCode code, String message) {
        this(code.reject(message));
    }

    public Rejection rejection() {
        return rejection;
    }
}
