package io.strongroom.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class LatencyRecorderTest {
    private static final long MS = 1_000_000L;
    private static final long WINDOW_START = 5_000 * MS;
    private static final long WINDOW_END = 15_000 * MS;

    private final LatencyRecorder recorder = new LatencyRecorder(WINDOW_START, WINDOW_END);

    @Test
    void latencyIsMeasuredFromTheIntendedSendTime() {
        recorder.record(WINDOW_START + 100 * MS, WINDOW_START + 103 * MS, null);

        assertThat(recorder.histogram().getTotalCount()).isEqualTo(1);
        assertThat(recorder.histogram().getMaxValue()).isBetween(2_990L, 3_010L);
    }

    @Test
    void warmUpCallsAreNotRecorded() {
        recorder.record(WINDOW_START - 1, WINDOW_START + MS, "ThrottlingException");

        assertThat(recorder.histogram().getTotalCount()).isZero();
        assertThat(recorder.errors()).isEmpty();
    }

    @Test
    void callsIntendedAfterTheWindowAreNotRecorded() {
        recorder.record(WINDOW_END, WINDOW_END + MS, null);

        assertThat(recorder.histogram().getTotalCount()).isZero();
    }

    @Test
    void aCallIntendedInTheWindowCountsWhenItCompletesLate() {
        recorder.record(WINDOW_END - MS, WINDOW_END + 500 * MS, null);

        assertThat(recorder.histogram().getTotalCount()).isEqualTo(1);
        assertThat(recorder.completedInWindow()).isZero();
    }

    @Test
    void throughputCountsCompletionsInsideTheWindow() {
        recorder.record(WINDOW_START - 10 * MS, WINDOW_START + MS, null);
        recorder.record(WINDOW_START + MS, WINDOW_START + 2 * MS, null);
        recorder.record(WINDOW_END - MS, WINDOW_END + MS, null);

        assertThat(recorder.completedInWindow()).isEqualTo(2);
    }

    @Test
    void errorsAreCountedByCodeAndStillTimed() {
        recorder.record(WINDOW_START + MS, WINDOW_START + 2 * MS, "ResourceNotFoundException");
        recorder.record(WINDOW_START + MS, WINDOW_START + 2 * MS, "ResourceNotFoundException");
        recorder.record(WINDOW_START + MS, WINDOW_START + 2 * MS, "Timeout");

        assertThat(recorder.errors()).isEqualTo(Map.of("ResourceNotFoundException", 2L, "Timeout", 1L));
        assertThat(recorder.histogram().getTotalCount()).isEqualTo(3);
    }

    @Test
    void aSkippedCallIsAnErrorWithoutALatency() {
        recorder.skipped(WINDOW_START + MS, "GeneratorBacklog");
        recorder.skipped(WINDOW_START - MS, "GeneratorBacklog");

        assertThat(recorder.errors()).isEqualTo(Map.of("GeneratorBacklog", 1L));
        assertThat(recorder.histogram().getTotalCount()).isZero();
    }

    @Test
    void lanesAddUp() {
        LatencyRecorder other = new LatencyRecorder(WINDOW_START, WINDOW_END);
        recorder.record(WINDOW_START + MS, WINDOW_START + 2 * MS, null);
        other.record(WINDOW_START + MS, WINDOW_START + 3 * MS, "Timeout");

        recorder.add(other);

        assertThat(recorder.histogram().getTotalCount()).isEqualTo(2);
        assertThat(recorder.completedInWindow()).isEqualTo(2);
        assertThat(recorder.errors()).isEqualTo(Map.of("Timeout", 1L));
    }

    @Test
    void aLatencyBeyondTheHistogramsRangeIsClampedNotLost() {
        recorder.record(WINDOW_START, WINDOW_START + 2 * LatencyRecorder.HIGHEST_MICROS * 1_000, null);

        assertThat(recorder.histogram().getTotalCount()).isEqualTo(1);
    }
}
