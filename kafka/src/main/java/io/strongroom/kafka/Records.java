package io.strongroom.kafka;

import io.strongroom.core.audit.AuditRecord;
import io.strongroom.core.codec.Json;
import io.strongroom.core.command.CommandEnvelope;
import io.strongroom.core.crypto.WrappedKey;
import io.strongroom.core.event.Outcome;

/** The byte encodings of the records on Strongroom's topics: all JSON through {@link Json}. */
public final class Records {
    private Records() {}

    public static byte[] command(CommandEnvelope command) {
        return Json.write(command);
    }

    public static CommandEnvelope command(byte[] bytes) {
        return Json.read(bytes, CommandEnvelope.class);
    }

    public static byte[] outcome(Outcome outcome) {
        return Json.write(outcome);
    }

    public static Outcome outcome(byte[] bytes) {
        return Json.read(bytes, Outcome.class);
    }

    /** A key record's value; null is a tombstone. */
    public static byte[] key(WrappedKey key) {
        return key == null ? null : Json.write(key);
    }

    public static WrappedKey key(byte[] bytes) {
        return bytes == null ? null : Json.read(bytes, WrappedKey.class);
    }

    public static byte[] audit(AuditRecord record) {
        return Json.write(record);
    }

    public static AuditRecord audit(byte[] bytes) {
        return Json.read(bytes, AuditRecord.class);
    }
}
