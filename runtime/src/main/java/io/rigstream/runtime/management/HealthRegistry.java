package io.rigstream.runtime.management;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Liveness and readiness, kept apart: a service that is rebalancing or reconnecting is alive but not ready; one
 * whose client is in a fatal state is not alive, so Kubernetes restarts it. A service is not ready before it has
 * registered any readiness check: the management port is up before the service is built (so that liveness and
 * metrics cover the start), and an empty set of checks must not read as "ready" (the end-to-end bridge kill test
 * published to a bridge that said ready before it had subscribed, and the MQTT broker dropped what matched no
 * subscription).
 */
public final class HealthRegistry {

    /** One component's answer. */
    public record Check(boolean ok, String detail) {
        public static Check up(String detail) {
            return new Check(true, detail);
        }

        public static Check down(String detail) {
            return new Check(false, detail);
        }
    }

    private final Map<String, Supplier<Check>> liveness = new ConcurrentHashMap<>();
    private final Map<String, Supplier<Check>> readiness = new ConcurrentHashMap<>();
    private volatile boolean shuttingDown;

    public void liveness(String component, Supplier<Check> check) {
        liveness.put(component, check);
    }

    public void readiness(String component, Supplier<Check> check) {
        readiness.put(component, check);
    }

    /** First step of shutdown: stop taking traffic before anything is closed. */
    public void markShuttingDown() {
        shuttingDown = true;
    }

    public Map<String, Check> live() {
        return evaluate(liveness);
    }

    public Map<String, Check> ready() {
        Map<String, Check> checks = new java.util.TreeMap<>(evaluate(readiness));
        if (checks.isEmpty()) {
            checks.put("lifecycle", Check.down("starting: no component has registered its readiness yet"));
        }
        if (shuttingDown) {
            checks.put("lifecycle", Check.down("shutting down"));
        }
        return checks;
    }

    public static boolean allOk(Map<String, Check> checks) {
        return checks.values().stream().allMatch(Check::ok);
    }

    private static Map<String, Check> evaluate(Map<String, Supplier<Check>> checks) {
        Map<String, Check> results = new java.util.TreeMap<>();
        checks.forEach((name, check) -> {
            try {
                results.put(name, check.get());
            } catch (RuntimeException e) {
                results.put(name, Check.down("check failed: " + e.getMessage()));
            }
        });
        return results;
    }
}
