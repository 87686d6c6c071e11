package io.strongroom.projection;

/**
 * A read reached a projection instance that is not serving: still catching up to the end offsets it
 * saw at start-up, stopped, or failed. The caller should ask another serving instance; the read model
 * of this one may be incomplete.
 */
public final class NotServingException extends RuntimeException {
    public NotServingException(String message) {
        super(message, null, false, false);
    }
}
