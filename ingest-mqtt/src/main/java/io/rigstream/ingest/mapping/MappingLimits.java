package io.rigstream.ingest.mapping;

import java.time.Duration;
import java.util.Objects;

/**
 * The configurable limits of gateway payload contract v1. Validated on construction, so a bad
 * value fails start-up rather than the first message.
 *
 * @param maxPayloadBytes  largest accepted body, in bytes
 * @param maxBatchReadings most readings accepted in one batch or array
 * @param maxClockSkew     how far a reading's {@code ts} may be ahead of the bridge's clock
 * @param maxAge           how far a reading's {@code ts} may be behind the bridge's clock
 */
public record MappingLimits(int maxPayloadBytes, int maxBatchReadings, Duration maxClockSkew, Duration maxAge) {

    public static final int DEFAULT_MAX_PAYLOAD_BYTES = 256 * 1024;
    public static final int DEFAULT_MAX_BATCH_READINGS = 10_000;
    public static final Duration DEFAULT_MAX_CLOCK_SKEW = Duration.ofMinutes(10);
    public static final Duration DEFAULT_MAX_AGE = Duration.ofDays(30);

    /** Timestamps are compared in epoch milliseconds, so a duration must fit in a long of them. */
    private static final Duration LONGEST = Duration.ofMillis(Long.MAX_VALUE);

    public MappingLimits {
        if (maxPayloadBytes < 1) {
            throw new IllegalArgumentException("maxPayloadBytes must be at least 1, was " + maxPayloadBytes);
        }
        if (maxBatchReadings < 1) {
            throw new IllegalArgumentException("maxBatchReadings must be at least 1, was " + maxBatchReadings);
        }
        Objects.requireNonNull(maxClockSkew, "maxClockSkew");
        Objects.requireNonNull(maxAge, "maxAge");
        if (maxClockSkew.isNegative() || maxClockSkew.compareTo(LONGEST) > 0) {
            throw new IllegalArgumentException("maxClockSkew must be between PT0S and " + LONGEST
                    + ", was " + maxClockSkew);
        }
        if (maxAge.isNegative() || maxAge.isZero() || maxAge.compareTo(LONGEST) > 0) {
            throw new IllegalArgumentException("maxAge must be positive and at most " + LONGEST
                    + ", was " + maxAge);
        }
    }

    /** The contract's defaults: 256 KiB, 10,000 readings, 10 minutes of skew, 30 days of age. */
    public static MappingLimits defaults() {
        return new MappingLimits(DEFAULT_MAX_PAYLOAD_BYTES, DEFAULT_MAX_BATCH_READINGS,
                DEFAULT_MAX_CLOCK_SKEW, DEFAULT_MAX_AGE);
    }
}
