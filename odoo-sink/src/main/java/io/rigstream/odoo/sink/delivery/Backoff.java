package io.rigstream.odoo.sink.delivery;

import io.rigstream.odoo.sink.config.RetrySettings;
import java.time.Duration;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * Exponential backoff with jitter: the n-th failure waits between half and all of initial x 2^(n-1), capped, so
 * replicas that failed together do not come back together. A Retry-After from Odoo is a floor.
 */
public final class Backoff {

    private final RetrySettings settings;
    private final DoubleSupplier random;

    /** @param random uniform in [0, 1) */
    public Backoff(RetrySettings settings, DoubleSupplier random) {
        this.settings = settings;
        this.random = random;
    }

    public Duration delay(int failures, Optional<Duration> retryAfter) {
        long initial = settings.initialBackoff().toMillis();
        long cap = settings.maxBackoff().toMillis();
        long exponential = failures >= 31 ? cap : Math.min(cap, initial << Math.max(0, failures - 1));
        long jittered = exponential / 2 + (long) (random.getAsDouble() * (exponential - exponential / 2));
        Duration delay = Duration.ofMillis(jittered);
        return retryAfter.filter(after -> after.compareTo(delay) > 0).orElse(delay);
    }
}
