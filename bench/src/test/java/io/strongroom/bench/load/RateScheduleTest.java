package io.strongroom.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RateScheduleTest {
    private static final long START = 1_000_000_000L;

    @Test
    void callsAreSpacedByTheInverseOfTheRate() {
        RateSchedule schedule = new RateSchedule(START, 1000, 10);

        assertThat(schedule.intendedAt(0)).isEqualTo(START);
        assertThat(schedule.intendedAt(1)).isEqualTo(START + 1_000_000);
        assertThat(schedule.intendedAt(9)).isEqualTo(START + 9_000_000);
    }

    @Test
    void nothingIsDueBeforeTheStart() {
        assertThat(new RateSchedule(START, 1000, 10).dueBy(START - 1)).isZero();
    }

    @Test
    void theCallsIntendedAtOrBeforeNowAreDue() {
        RateSchedule schedule = new RateSchedule(START, 1000, 10);

        assertThat(schedule.dueBy(START)).isEqualTo(1);
        assertThat(schedule.dueBy(START + 999_999)).isEqualTo(1);
        assertThat(schedule.dueBy(START + 1_000_000)).isEqualTo(2);
        assertThat(schedule.dueBy(START + 4_500_000)).isEqualTo(5);
    }

    @Test
    void neverMoreThanTheScheduledCallsAreDue() {
        assertThat(new RateSchedule(START, 1000, 10).dueBy(START + 60_000_000_000L)).isEqualTo(10);
    }

    @Test
    void aRunLastingADurationHoldsRateTimesDurationCalls() {
        assertThat(RateSchedule.over(START, 250, 2_000_000_000L).calls()).isEqualTo(500);
        assertThat(RateSchedule.over(START, 0.5, 3_000_000_000L).calls()).isEqualTo(2);
    }

    @Test
    void aFractionalRateKeepsItsSpacing() {
        RateSchedule schedule = new RateSchedule(START, 3, 3);

        assertThat(schedule.intendedAt(1) - START).isEqualTo(333_333_333);
        assertThat(schedule.intendedAt(2) - START).isEqualTo(666_666_666);
    }

    @Test
    void aRateMustBePositive() {
        assertThatThrownBy(() -> new RateSchedule(START, 0, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
