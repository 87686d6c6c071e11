package io.strongroom.projection.apply;

import io.strongroom.core.event.Outcome;
import io.strongroom.kafka.Records;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Reads the records of the events and keys topics; anything unreadable becomes a {@link MalformedRecordException}. */
final class RecordDecoder {
    private RecordDecoder() {}

    static Outcome outcome(ConsumerRecord<String, byte[]> record) {
        if (record.value() == null) {
            throw new MalformedRecordException(record.topic(), record.partition(), record.offset(), "no value");
        }
        try {
            return Records.outcome(record.value());
        } catch (RuntimeException e) {
            throw new MalformedRecordException(record.topic(), record.partition(), record.offset(), e);
        }
    }

    /** The record key of a key record: {@code secretId/versionId}. */
    static String keyRecordKey(ConsumerRecord<String, byte[]> record) {
        if (record.key() == null || record.key().indexOf('/') < 0) {
            throw new MalformedRecordException(record.topic(), record.partition(), record.offset(),
                    "key record without a secretId/versionId key");
        }
        return record.key();
    }

    /** A key record's value once checked to hold a wrapped key; null for a tombstone. */
    static byte[] wrappedKey(ConsumerRecord<String, byte[]> record) {
        try {
            Records.key(record.value());
            return record.value();
        } catch (RuntimeException e) {
            throw new MalformedRecordException(record.topic(), record.partition(), record.offset(), e);
        }
    }
}
