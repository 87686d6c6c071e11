package io.strongroom.gateway.auth.sigv4;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SigV4DateTest {

    @Test
    void amzDateIsTheIsoBasicFormatOfTheSecondForEveryYear() {
        for (Instant instant : List.of(Instant.parse("2015-08-30T12:36:00Z"), Instant.parse("2026-11-28T02:59:59.999Z"),
                Instant.parse("1999-12-31T23:59:59Z"), Instant.parse("2000-02-29T00:00:00Z"), Instant.EPOCH,
                Instant.parse("0999-01-01T00:00:00Z"), Instant.parse("+10000-01-01T00:00:00Z"))) {
            assertThat(SigV4.amzDate(instant)).as(instant.toString()).isEqualTo(SigV4.AMZ_DATE.format(instant));
        }
        assertThat(SigV4.amzDate(Instant.parse("2015-08-30T12:36:00Z"))).isEqualTo("20150830T123600Z");
    }
}
