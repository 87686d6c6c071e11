package io.strongroom.core.codec;

/**
 * Writes a non-negative number as exactly {@code width} decimal digits, zero-padded (higher digits
 * beyond the width are dropped): the one hand-written {@code %0Nd} of the timestamp and key formats
 * on hot paths, where {@code String.format} and {@code DateTimeFormatter} showed in profiles.
 */
public final class FixedDigits {
    private FixedDigits() {}

    /** Writes {@code value} into {@code out[at, at + width)}; returns {@code at + width}. */
    public static int write(char[] out, int at, long value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            out[i] = (char) ('0' + value % 10);
            value /= 10;
        }
        return at + width;
    }
}
