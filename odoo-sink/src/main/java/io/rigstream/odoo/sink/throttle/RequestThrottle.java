package io.rigstream.odoo.sink.throttle;

import io.rigstream.odoo.sink.config.ThrottleSettings;
import io.rigstream.odoo.sink.metrics.SinkMetrics;
import io.rigstream.odoo.sink.odoo.ErrorKind;
import io.rigstream.odoo.sink.odoo.OdooException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Semaphore;

/**
 * Every call to Odoo (and every dry-run outbox line) passes here: a cap on calls in progress, a pause while Odoo's
 * Retry-After runs, a token bucket on calls per second whose rate adapts (AIMD), and a token bucket on records per
 * second. The call bucket holds one token, so calls are spaced 1/rate apart and never burst.
 */
public final class RequestThrottle {

    /** The call being throttled. */
    @FunctionalInterface
    public interface Call<T> {
        T run() throws OdooException, InterruptedException;
    }

    private final Clock clock;
    private final Sleeper sleeper;
    private final SinkMetrics metrics;
    private final Semaphore inProgress;
    private final AdaptiveRate rate;
    private final TokenBucket calls;
    private final TokenBucket records;
    private Instant pausedUntil = Instant.MIN;

    public RequestThrottle(ThrottleSettings settings, Clock clock, Sleeper sleeper, SinkMetrics metrics) {
        this.clock = clock;
        this.sleeper = sleeper;
        this.metrics = metrics;
        this.inProgress = new Semaphore(settings.maxConcurrentRequests(), true);
        long now = nanos();
        this.rate = new AdaptiveRate(settings.requestsPerSecond(), settings.minRequestsPerSecond(),
                settings.recoveryPerSecond(), settings.latencyTarget(), now);
        this.calls = new TokenBucket(settings.requestsPerSecond(), 1, now);
        this.records = new TokenBucket(settings.recordsPerSecond(), Math.max(1, settings.recordsPerSecond()), now);
        metrics.rate(rate.current());
    }

    /** Runs {@code call} when the limits allow, and lets its outcome steer the rate. */
    public <T> T call(int recordCount, Call<T> call) throws OdooException, InterruptedException {
        awaitTurn(recordCount);
        inProgress.acquire();
        try {
            Instant started = clock.instant();
            try {
                T result = call.run();
                onSuccess(Duration.between(started, clock.instant()));
                return result;
            } catch (OdooException e) {
                onFailure(e);
                throw e;
            }
        } finally {
            inProgress.release();
        }
    }

    public synchronized double currentRate() {
        return rate.current();
    }

    private void awaitTurn(int recordCount) throws InterruptedException {
        Duration wait;
        synchronized (this) {
            long now = nanos();
            Duration paused = Duration.between(clock.instant(), pausedUntil);
            Duration forCall = calls.reserve(1, now);
            Duration forRecords = recordCount > 0 ? records.reserve(recordCount, now) : Duration.ZERO;
            wait = max(max(paused, forCall), forRecords);
        }
        if (!wait.isNegative() && !wait.isZero()) {
            metrics.throttleWait(wait);
            sleeper.sleep(wait);
        }
    }

    private synchronized void onSuccess(Duration latency) {
        rate.onSuccess(latency, nanos());
        applyRate();
    }

    /**
     * Overload answers pause every call for the Retry-After Odoo asked for; they and other transient failures halve
     * the rate. Poison answers are about a record, not about load, and leave the rate alone.
     */
    private synchronized void onFailure(OdooException failure) {
        if (failure.kind() != ErrorKind.TRANSIENT) {
            return;
        }
        if (failure.isOverload() && failure.retryAfter().isPresent()) {
            Instant until = clock.instant().plus(failure.retryAfter().get());
            pausedUntil = until.isAfter(pausedUntil) ? until : pausedUntil;
        }
        rate.onStress(nanos());
        applyRate();
    }

    private void applyRate() {
        calls.setRate(rate.current(), nanos());
        metrics.rate(rate.current());
    }

    private long nanos() {
        Instant now = clock.instant();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
