package io.rigstream.odoo.sink.throttle;

import java.time.Duration;

/**
 * The request rate, adapted to how Odoo copes (AIMD, as TCP does with its window): halved on an error, an overload
 * answer or a call slower than the latency target; raised by a fixed amount per second of healthy calls, never above
 * the configured ceiling nor below the floor. A burst of failures from calls that were already in flight halves the
 * rate once, not once per call: after a decrease the next one waits a cooldown. A success is credited at most one
 * call interval, so time spent idle or paused (Retry-After) earns no recovery.
 */
final class AdaptiveRate {

    private static final long COOLDOWN_NANOS = Duration.ofSeconds(1).toNanos();

    private final double ceiling;
    private final double floor;
    private final double recoveryPerSecond;
    private final Duration latencyTarget;
    private double current;
    private long lastChangeNanos;
    private long lastDecreaseNanos = Long.MIN_VALUE / 2;

    AdaptiveRate(double ceiling, double floor, double recoveryPerSecond, Duration latencyTarget, long nowNanos) {
        this.ceiling = ceiling;
        this.floor = floor;
        this.recoveryPerSecond = recoveryPerSecond;
        this.latencyTarget = latencyTarget;
        this.current = ceiling;
        this.lastChangeNanos = nowNanos;
    }

    double current() {
        return current;
    }

    void onSuccess(Duration latency, long nowNanos) {
        if (latency.compareTo(latencyTarget) > 0) {
            onStress(nowNanos);
            return;
        }
        double seconds = Math.min((nowNanos - lastChangeNanos) / 1e9, 1 / current);
        if (seconds > 0 && current < ceiling) {
            current = Math.min(ceiling, current + recoveryPerSecond * seconds);
        }
        lastChangeNanos = nowNanos;
    }

    /** An error, an overload answer or a slow call. */
    void onStress(long nowNanos) {
        if (nowNanos - lastDecreaseNanos < COOLDOWN_NANOS) {
            return;
        }
        current = Math.max(floor, current / 2);
        lastDecreaseNanos = nowNanos;
        lastChangeNanos = nowNanos;
    }
}
