package io.strongroom.bench.scale;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The projection's own measure of a replay, read off the "caught up" line it logs once it reaches the end
 * of the log it saw at start-up ({@code ProjectionLoop}): the events it replayed and how long that took,
 * from its first read to its last write, so the JVM's and Kafka's start-up are not in it.
 *
 * @param records outcome records and key records applied
 * @param events events inside the outcomes (a CreateSecret's three, a PutSecretValue's two or three)
 * @param seconds from the projection's start position to the end it saw then
 * @param applyCpuSeconds the apply thread's own CPU time over the same span
 */
public record CatchUpLine(long records, long outcomes, long events, long keyRecords, double seconds, double applyCpuSeconds) {
    private static final Pattern LINE = Pattern.compile("caught up: (\\d+) records \\((\\d+) outcomes holding (\\d+) events, "
            + "(\\d+) key records\\) applied in ([0-9.]+) s, \\d+ records/s, \\d+ events/s; apply thread CPU ([0-9.]+) s");

    /** The last such line of a log (the latest start's), if any. */
    public static Optional<CatchUpLine> lastIn(Path log) {
        try {
            CatchUpLine last = null;
            for (String line : Files.readAllLines(log)) {
                Matcher m = LINE.matcher(line);
                if (m.find()) {
                    last = new CatchUpLine(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)), Long.parseLong(m.group(3)),
                            Long.parseLong(m.group(4)), Double.parseDouble(m.group(5)), Double.parseDouble(m.group(6)));
                }
            }
            return Optional.ofNullable(last);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    public double eventsPerSecond() {
        return seconds > 0 ? events / seconds : 0;
    }
}
