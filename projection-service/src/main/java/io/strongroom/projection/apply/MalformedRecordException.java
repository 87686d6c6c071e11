package io.strongroom.projection.apply;

/**
 * A record on the events or keys topic that this instance cannot read. Fatal for the instance: skipping
 * it would serve a read model that silently misses a change. The message names the record's position,
 * never its bytes (they may be ciphertext or a wrapped key).
 */
public final class MalformedRecordException extends RuntimeException {
    public MalformedRecordException(String topic, int partition, long offset, Throwable cause) {
        super("cannot decode record " + topic + "-" + partition + "@" + offset + ": " + cause.getMessage(), cause);
    }

    public MalformedRecordException(String topic, int partition, long offset, String why) {
        super("cannot decode record " + topic + "-" + partition + "@" + offset + ": " + why);
    }
}
