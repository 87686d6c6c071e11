package io.strongroom.bench.load;

import java.util.Locale;

/**
 * The {@code --rate} option: a number of calls per second (open loop), {@code max} (closed loop), or
 * {@code max+half}: closed loop first, then open loop at half the rate it achieved, the load at which
 * latency targets are stated.
 */
public record RateOption(Double rate, boolean thenHalf) {

    public static RateOption parse(String text) {
        String value = text.trim().toLowerCase(Locale.ROOT);
        if (value.equals("max")) {
            return new RateOption(null, false);
        }
        if (value.equals("max+half")) {
            return new RateOption(null, true);
        }
        double rate;
        try {
            rate = Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--rate must be a number of calls per second, max or max+half: " + text);
        }
        if (!(rate > 0) || Double.isInfinite(rate)) {
            throw new IllegalArgumentException("--rate must be positive: " + text);
        }
        return new RateOption(rate, false);
    }

    public boolean max() {
        return rate == null;
    }

    @Override
    public String toString() {
        return rate != null ? String.format("%.0f", rate) : thenHalf ? "max+half" : "max";
    }
}
