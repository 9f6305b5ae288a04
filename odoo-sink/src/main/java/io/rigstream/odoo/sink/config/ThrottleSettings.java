package io.rigstream.odoo.sink.config;

import java.time.Duration;

/**
 * The load this sink may put on Odoo, already divided by the number of replicas: the configured figures are for the
 * whole deployment.
 *
 * @param requestsPerSecond    ceiling of the adaptive request rate
 * @param minRequestsPerSecond floor the rate never halves below
 * @param recoveryPerSecond    additive increase of the rate per second of successful calls
 * @param latencyTarget        a call slower than this counts as a sign of overload
 */
public record ThrottleSettings(double requestsPerSecond, double recordsPerSecond, double minRequestsPerSecond,
        double recoveryPerSecond, Duration latencyTarget, int maxConcurrentRequests) {
}
