package io.strongroom.core.codec;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdScalarSerializer;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.time.Year;

/**
 * Instants as the text {@link Instant#toString()} writes ({@code 2026-11-28T02:22:28.473473742Z}),
 * without {@code DateTimeFormatter} (the calendar arithmetic is {@link LocalDate}'s): formatting and parsing through it were a quarter of the CPU of
 * decoding an outcome and encoding a state (profiled). Writes exactly the same text as before; reads
 * the common form {@code yyyy-MM-ddTHH:mm:ss[.f]Z} directly and hands anything else (other years,
 * offsets, numbers) to the JSR-310 deserializer, so every instant ever written still reads.
 */
final class InstantText {
    /** The years this fast path writes, 0000 to 9999, as epoch seconds. */
    private static final long FIRST_SECOND = LocalDate.of(0, 1, 1).toEpochDay() * 86_400;
    private static final long END_SECOND = LocalDate.of(10_000, 1, 1).toEpochDay() * 86_400;

    private InstantText() {}

    static SimpleModule module() {
        return new SimpleModule("InstantText")
                .addSerializer(Instant.class, new Writer())
                .addDeserializer(Instant.class, new Reader());
    }

    /** {@link Instant#toString()}'s text, or null where this fast path does not apply (years outside 0-9999). */
    static String format(Instant instant) {
        long seconds = instant.getEpochSecond();
        if (seconds < FIRST_SECOND || seconds >= END_SECOND) {
            return null;
        }
        int secondOfDay = (int) Math.floorMod(seconds, 86_400);
        LocalDate date = LocalDate.ofEpochDay(Math.floorDiv(seconds, 86_400));
        int nano = instant.getNano();
        char[] out = new char[30];
        int n = FixedDigits.write(out, 0, date.getYear(), 4);
        out[n++] = '-';
        n = FixedDigits.write(out, n, date.getMonthValue(), 2);
        out[n++] = '-';
        n = FixedDigits.write(out, n, date.getDayOfMonth(), 2);
        out[n++] = 'T';
        n = FixedDigits.write(out, n, secondOfDay / 3600, 2);
        out[n++] = ':';
        n = FixedDigits.write(out, n, secondOfDay / 60 % 60, 2);
        out[n++] = ':';
        n = FixedDigits.write(out, n, secondOfDay % 60, 2);
        if (nano > 0) {
            out[n++] = '.';
            if (nano % 1_000_000 == 0) {
                n = FixedDigits.write(out, n, nano / 1_000_000, 3);
            } else if (nano % 1000 == 0) {
                n = FixedDigits.write(out, n, nano / 1000, 6);
            } else {
                n = FixedDigits.write(out, n, nano, 9);
            }
        }
        out[n++] = 'Z';
        return new String(out, 0, n);
    }

    /** The instant of {@code yyyy-MM-ddTHH:mm:ss[.f{1,9}]Z}; null for any other text, or an invalid date. */
    static Instant parse(String text) {
        int length = text.length();
        if (length < 20 || length > 30 || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T'
                || text.charAt(13) != ':' || text.charAt(16) != ':' || text.charAt(length - 1) != 'Z') {
            return null;
        }
        int year = number(text, 0, 4);
        int month = number(text, 5, 2);
        int day = number(text, 8, 2);
        int hour = number(text, 11, 2);
        int minute = number(text, 14, 2);
        int second = number(text, 17, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > Month.of(month).length(Year.isLeap(year)) || hour < 0 || hour > 23
                || minute < 0 || minute > 59 || second < 0 || second > 59) {
            return null;
        }
        int nano = 0;
        if (length > 20) {
            int fraction = length - 21;
            if (text.charAt(19) != '.' || fraction < 1 || fraction > 9) {
                return null;
            }
            nano = number(text, 20, fraction);
            if (nano < 0) {
                return null;
            }
            for (int i = fraction; i < 9; i++) {
                nano *= 10;
            }
        } else if (text.charAt(19) != 'Z') {
            return null;
        }
        long days = LocalDate.of(year, month, day).toEpochDay();
        return Instant.ofEpochSecond(days * 86_400 + hour * 3600L + minute * 60L + second, nano);
    }

    /** The decimal number of {@code count} digits at {@code from}; -1 if any is not a digit. */
    private static int number(String text, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            int digit = text.charAt(i) - '0';
            if (digit < 0 || digit > 9) {
                return -1;
            }
            value = value * 10 + digit;
        }
        return value;
    }

    private static final class Writer extends StdScalarSerializer<Instant> {
        Writer() {
            super(Instant.class);
        }

        @Override
        public void serialize(Instant value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            String text = format(value);
            gen.writeString(text != null ? text : value.toString());
        }
    }

    private static final class Reader extends StdScalarDeserializer<Instant> {
        private static final JsonDeserializer<Instant> FALLBACK = InstantDeserializer.INSTANT;

        Reader() {
            super(Instant.class);
        }

        @Override
        public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() == JsonToken.VALUE_STRING) {
                Instant fast = parse(p.getText());
                if (fast != null) {
                    return fast;
                }
            }
            return FALLBACK.deserialize(p, ctxt);
        }
    }
}
