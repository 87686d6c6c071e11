package io.strongroom.store;

/** The local store failed; the consumer loop treats it as fatal for the instance (it rebuilds from Kafka). */
public final class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
