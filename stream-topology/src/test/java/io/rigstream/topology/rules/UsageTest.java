package io.rigstream.topology.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class UsageTest {

    @Test
    void sharesOfAdjacentWindowsAddUpExactlyToTheWhole() {
        Usage interval = new Usage(1_000_003, 333_334, 7, 1_001, 9_999, Set.of(UsageFlag.GPS_JUMP));
        long a = 0;
        long b = 7_000_001;
        Usage sum = Usage.NONE;
        for (long from = -3_600_000; from < b; from += 1_234_567) {
            sum = sum.plus(interval.portion(a, b, from, from + 1_234_567));
        }
        assertThat(sum).isEqualTo(interval);
    }

    @Test
    void aWindowGetsItsShareInProportionToTime() {
        Usage interval = new Usage(3_600_000, 0, 0, 10_000, 0, Set.of());
        Usage quarter = interval.portion(0, 3_600_000, 0, 900_000);
        assertThat(quarter.engineMs()).isEqualTo(900_000);
        assertThat(quarter.fuelMl()).isEqualTo(2_500);
    }

    @Test
    void hugeAmountsOverLongIntervalsDoNotOverflow() {
        Usage interval = new Usage(Long.MAX_VALUE / 4, 0, 0, 0, 0, Set.of());
        long week = 7L * 24 * 3_600_000;
        Usage half = interval.portion(0, week, 0, week / 2);
        assertThat(half.engineMs()).isEqualTo(Long.MAX_VALUE / 8 + 1);
    }

    @Test
    void workingIsEngineMinusIdle() {
        assertThat(new Usage(10, 4, 0, 0, 0, Set.of()).workingMs()).isEqualTo(6);
    }
}
