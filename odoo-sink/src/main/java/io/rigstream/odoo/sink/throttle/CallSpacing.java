package io.rigstream.odoo.sink.throttle;

/**
 * Keeps call starts at least 1/rate apart, measured from when calls actually started: a caller that woke late does
 * not let the next one start early, so no window of one second ever holds more than the rate's worth of calls.
 * A token bucket of one token does the same on paper, but counts from reserved times, and late wake-ups then
 * squeeze an extra call into some second. Not thread-safe: {@link RequestThrottle} serializes access.
 */
final class CallSpacing {

    /**
     * Starts are spaced 5% wider than 1/rate. A call reaches Odoo some milliseconds after it starts here, by an amount
     * that varies (2 to 25 ms measured on loopback); without a margin, rate+1 calls can arrive inside one second as
     * Odoo counts them. Over the rate's intervals in a second, 5% adds 50 ms, whatever the rate.
     */
    private static final double MARGIN = 1.05;

    private long intervalNanos;
    private long lastStartNanos;
    private boolean started;

    CallSpacing(double ratePerSecond) {
        setRate(ratePerSecond);
    }

    void setRate(double ratePerSecond) {
        intervalNanos = (long) Math.ceil(1e9 * MARGIN / ratePerSecond);
    }

    /** Starts a call now if the spacing allows (returns 0), else returns the nanoseconds to wait before asking again. */
    long tryStart(long nowNanos) {
        long free = started ? lastStartNanos + intervalNanos : nowNanos;
        if (nowNanos >= free) {
            lastStartNanos = nowNanos;
            started = true;
            return 0;
        }
        return free - nowNanos;
    }
}
