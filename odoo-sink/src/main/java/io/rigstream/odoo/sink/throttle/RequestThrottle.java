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
 * Every call to Odoo (and every dry-run outbox line) passes here: a token bucket on records per second, a pause while
 * Odoo's Retry-After runs, call starts spaced 1/rate apart where the rate adapts (AIMD), and a cap on calls in
 * progress. Calls never burst: the rate holds in every one-second window, not only on average.
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
    private final CallSpacing calls;
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
        this.calls = new CallSpacing(settings.requestsPerSecond());
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
        if (recordCount > 0) {
            Duration forRecords;
            synchronized (this) {
                forRecords = records.reserve(recordCount, nanos());
            }
            pause(forRecords);
        }
        while (true) {
            Duration wait;
            synchronized (this) {
                Duration paused = Duration.between(clock.instant(), pausedUntil);
                wait = paused.isNegative() || paused.isZero() ? Duration.ofNanos(calls.tryStart(nanos())) : paused;
            }
            if (wait.isZero()) {
                return;
            }
            pause(wait);
        }
    }

    private void pause(Duration wait) throws InterruptedException {
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
        calls.setRate(rate.current());
        metrics.rate(rate.current());
    }

    private long nanos() {
        Instant now = clock.instant();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }
}
