package io.strongroom.bench.scale;

import java.util.regex.MatchResult;
import java.util.regex.Pattern;

/**
 * The projection's own measure of a replay, read off the "caught up" line it logs once it reaches the end
 * of the log it saw at start-up ({@code ProjectionLoop}): the events it replayed and how long that took,
 * from its first read to its last write, so the JVM's and Kafka's start-up are not in it.
 *
 * @param outcomes outcome records replayed, one per decided command
 * @param events events inside the outcomes (a CreateSecret's three, a PutSecretValue's two or three)
 * @param keyRecords records replayed from the keys topic (wrapped data keys and their tombstones)
 * @param seconds from the projection's start position to the end it saw then
 * @param applyCpuSeconds the apply thread's own CPU time over the same span
 */
public record CatchUpLine(long outcomes, long events, long keyRecords, double seconds, double applyCpuSeconds) {
    /** The line as {@code ProjectionLoop} logs it. */
    static final Pattern LINE = Pattern.compile("caught up: \\d+ records \\((\\d+) outcomes holding (\\d+) events, "
            + "(\\d+) key records\\) applied in ([0-9.]+) s, \\d+ records/s, \\d+ events/s; apply thread CPU ([0-9.]+) s");

    static CatchUpLine of(MatchResult line) {
        return new CatchUpLine(Long.parseLong(line.group(1)), Long.parseLong(line.group(2)), Long.parseLong(line.group(3)),
                Double.parseDouble(line.group(4)), Double.parseDouble(line.group(5)));
    }

    public double eventsPerSecond() {
        return seconds > 0 ? events / seconds : 0;
    }
}
