package io.strongroom.core.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class InstantTextTest {
    record Holder(Instant at) {}

    static Stream<Instant> edges() {
        return Stream.of(Instant.EPOCH, Instant.parse("2026-11-28T02:22:28.473473742Z"),
                Instant.parse("2026-11-28T02:22:00Z"), Instant.parse("2024-02-29T23:59:59.999Z"),
                Instant.parse("2000-03-01T00:00:00.000001Z"), Instant.parse("1969-12-31T23:59:59.1Z"),
                Instant.parse("0000-01-01T00:00:00Z"), Instant.parse("9999-12-31T23:59:59.999999999Z"),
                Instant.parse("+10000-01-01T00:00:00Z"), Instant.parse("-0001-12-31T00:00:00Z"), Instant.MIN, Instant.MAX,
                Instant.ofEpochSecond(1_700_000_000L, 120_000_000), Instant.ofEpochSecond(1_700_000_000L, 120_300_000));
    }

    static Stream<Instant> randomInstants() {
        SplittableRandom random = new SplittableRandom(42);
        return Stream.generate(() -> Instant.ofEpochSecond(random.nextLong(-62_167_219_200L, 253_402_300_800L),
                switch (random.nextInt(4)) {
                    case 0 -> 0;
                    case 1 -> random.nextInt(1000) * 1_000_000;
                    case 2 -> random.nextInt(1_000_000) * 1000;
                    default -> random.nextInt(1_000_000_000);
                })).limit(20_000);
    }

    @Test
    void writesExactlyTheTextInstantToStringWrites() {
        Stream.concat(edges(), randomInstants()).forEach(instant -> {
            String fast = InstantText.format(instant);
            if (fast != null) {
                assertThat(fast).as("epoch second %s", instant.getEpochSecond()).isEqualTo(instant.toString());
            }
        });
    }

    @Test
    void readsWhatInstantToStringWrote() {
        Stream.concat(edges(), randomInstants()).filter(i -> InstantText.format(i) != null)
                .forEach(instant -> assertThat(InstantText.parse(instant.toString())).isEqualTo(instant));
    }

    @ParameterizedTest
    @MethodSource("edges")
    void everyInstantRoundTripsThroughTheMapper(Instant instant) {
        byte[] json = Json.write(new Holder(instant));

        assertThat(new String(json, StandardCharsets.UTF_8)).isEqualTo("{\"at\":\"" + instant + "\"}");
        assertThat(Json.read(json, Holder.class).at()).isEqualTo(instant);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-11-28T02:22:28+01:00", "2026-11-28T02:22:28.5-00:30", "+10000-01-01T00:00:00Z",
            "2026-11-28T02:22Z", "2026-02-30T00:00:00Z", "2026-11-28T24:00:00Z", "2026-11-28T02:22:28.1234567891Z",
            "2026-11-28 02:22:28Z", "2026-11-28T02:22:28.Z", "2O26-11-28T02:22:28Z"})
    void leavesEveryOtherTextToTheStandardParser(String text) {
        assertThat(InstantText.parse(text)).isNull();
    }

    @Test
    void theStandardParserStillReadsOffsetsAndEpochNumbers() {
        assertThat(Json.read("{\"at\":\"2026-11-28T03:22:28.5+01:00\"}".getBytes(StandardCharsets.UTF_8), Holder.class).at())
                .isEqualTo(Instant.parse("2026-11-28T02:22:28.5Z"));
        assertThat(Json.read("{\"at\":1700000000.25}".getBytes(StandardCharsets.UTF_8), Holder.class).at())
                .isEqualTo(Instant.ofEpochSecond(1_700_000_000L, 250_000_000));
    }
}
