package io.rigstream.odoo.sink.throttle;

import java.time.Duration;

/**
 * A token bucket that hands out reservations: a caller takes its tokens at once, possibly into debt, and is told
 * how long to wait before acting. Callers are served in the order they reserve, and a request for more tokens than
 * the bucket holds (a large batch under a small records cap) waits for them rather than failing. Used for the
 * records-per-second cap, where debt is the point; calls are spaced by {@link CallSpacing}. Not thread-safe:
 * {@link RequestThrottle} serializes access.
 */
final class TokenBucket {

    private final double capacity;
    private final double ratePerSecond;
    private double tokens;
    private long lastNanos;

    TokenBucket(double ratePerSecond, double capacity, long nowNanos) {
        this.ratePerSecond = ratePerSecond;
        this.capacity = capacity;
        this.tokens = capacity;
        this.lastNanos = nowNanos;
    }

    /** Takes {@code permits} tokens and returns how long the caller must wait before using them. */
    Duration reserve(double permits, long nowNanos) {
        refill(nowNanos);
        tokens -= permits;
        if (tokens >= 0) {
            return Duration.ZERO;
        }
        return Duration.ofNanos((long) Math.ceil(-tokens / ratePerSecond * 1e9));
    }

    private void refill(long nowNanos) {
        if (nowNanos > lastNanos) {
            tokens = Math.min(capacity, tokens + (nowNanos - lastNanos) / 1e9 * ratePerSecond);
            lastNanos = nowNanos;
        }
    }
}
