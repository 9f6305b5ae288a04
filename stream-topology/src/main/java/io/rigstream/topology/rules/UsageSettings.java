package io.rigstream.topology.rules;

/**
 * Fleet-wide thresholds of the usage rules.
 *
 * @param maxGapMs           a silent gap between readings longer than this is unknown time, not running time
 * @param meterToleranceMs   how far a counter may run ahead of elapsed time before it is implausible: hour meters
 *                           tick in steps (often 0.1 h), so one interval can legitimately show a little more than
 *                           its length
 * @param maxSpeedKmh        GPS fixes implying a faster move are jumps, not travel
 */
public record UsageSettings(long maxGapMs, long meterToleranceMs, double maxSpeedKmh) {

    public UsageSettings {
        if (maxGapMs <= 0 || meterToleranceMs < 0 || maxSpeedKmh <= 0) {
            throw new IllegalArgumentException("usage thresholds must be positive");
        }
    }
}
