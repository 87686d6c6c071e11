package io.strongroom.bench.scenario;

import java.util.concurrent.ThreadLocalRandom;

/** Secret strings of a fixed length: a random base plus a per-call suffix, so each version differs. */
public final class SecretValue {
    private static final char[] ALPHABET = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789".toCharArray();
    private final String base;

    public SecretValue(int size) {
        char[] chars = new char[Math.max(1, size)];
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < chars.length; i++) {
            chars[i] = ALPHABET[random.nextInt(ALPHABET.length)];
        }
        this.base = new String(chars);
    }

    /** A value of the configured length, distinct for each call (its tail is a random number). */
    public String next() {
        String tail = Long.toString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE, 36);
        return tail.length() >= base.length() ? tail.substring(0, base.length())
                : base.substring(0, base.length() - tail.length()) + tail;
    }
}
