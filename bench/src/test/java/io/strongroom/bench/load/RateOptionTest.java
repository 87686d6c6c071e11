package io.strongroom.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RateOptionTest {

    @Test
    void aNumberIsAnOpenLoopRate() {
        RateOption rate = RateOption.parse("2500");

        assertThat(rate.max()).isFalse();
        assertThat(rate.rate()).isEqualTo(2500.0);
    }

    @Test
    void maxIsAClosedLoop() {
        assertThat(RateOption.parse("MAX").max()).isTrue();
        assertThat(RateOption.parse("max").thenHalf()).isFalse();
    }

    @Test
    void maxPlusHalfRunsAgainAtHalfTheAchievedRate() {
        assertThat(RateOption.parse("max+half").thenHalf()).isTrue();
    }

    @Test
    void anythingElseIsRefused() {
        assertThatThrownBy(() -> RateOption.parse("fast")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RateOption.parse("-5")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RateOption.parse("0")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void connectionsAreSharedAmongLanesWithAtLeastOneEach() {
        assertThat(LoadGenerator.share(32, 2, 0)).isEqualTo(16);
        assertThat(LoadGenerator.share(5, 2, 0)).isEqualTo(3);
        assertThat(LoadGenerator.share(5, 2, 1)).isEqualTo(2);
        assertThat(LoadGenerator.share(1, 2, 1)).isEqualTo(1);
    }
}
