package io.rigstream.ingest.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class MappingLimitsTest {

    private static final Duration SKEW = Duration.ofMinutes(10);
    private static final Duration AGE = Duration.ofDays(30);

    @Test
    void defaultsAreTheContracts() {
        assertThat(MappingLimits.defaults())
                .isEqualTo(new MappingLimits(262_144, 10_000, Duration.ofMinutes(10), Duration.ofDays(30)));
    }

    @Test
    void payloadLimitBelowOneByteIsRefused() {
        assertThatThrownBy(() -> new MappingLimits(0, 10, SKEW, AGE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxPayloadBytes must be at least 1, was 0");
    }

    @Test
    void batchLimitBelowOneReadingIsRefused() {
        assertThatThrownBy(() -> new MappingLimits(10, -1, SKEW, AGE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxBatchReadings must be at least 1, was -1");
    }

    @Test
    void zeroSkewIsAllowedButNegativeSkewIsRefused() {
        assertThat(new MappingLimits(10, 10, Duration.ZERO, AGE).maxClockSkew()).isZero();
        assertThatThrownBy(() -> new MappingLimits(10, 10, Duration.ofSeconds(-1), AGE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxClockSkew");
    }

    @Test
    void maxAgeMustBePositive() {
        assertThatThrownBy(() -> new MappingLimits(10, 10, SKEW, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxAge must be positive");
    }

    @Test
    void durationsBeyondLongMillisecondsAreRefused() {
        Duration tooLong = Duration.ofMillis(Long.MAX_VALUE).plusMillis(1);

        assertThatThrownBy(() -> new MappingLimits(10, 10, tooLong, AGE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxClockSkew");
        assertThatThrownBy(() -> new MappingLimits(10, 10, SKEW, tooLong))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxAge");
    }

    @Test
    void missingDurationsAreRefused() {
        assertThatThrownBy(() -> new MappingLimits(10, 10, null, AGE)).hasMessageContaining("maxClockSkew");
        assertThatThrownBy(() -> new MappingLimits(10, 10, SKEW, null)).hasMessageContaining("maxAge");
    }
}
