package io.rigstream.ingest.it;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.rigstream.ingest.IngestService;
import io.rigstream.ingest.config.IngestConfig;
import io.rigstream.runtime.config.ConfigInput;
import io.rigstream.runtime.management.HealthRegistry;
import io.rigstream.runtime.management.ManagementServer;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/**
 * The bridge alone in its own JVM, as deployed, so that a test can kill it with SIGKILL. Arguments are settings,
 * {@code key=value}. The management port serves {@code /health/ready}; the process runs until it is killed. As in
 * {@code rigstream ingest}, the management port opens before the bridge is built, so readiness is asked of a process
 * that has no readiness check yet.
 */
public final class BridgeProcessMain {

    private BridgeProcessMain() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> values = new HashMap<>();
        for (String arg : args) {
            int equals = arg.indexOf('=');
            if (equals < 1) {
                throw new IllegalArgumentException("Expected key=value, got " + arg);
            }
            values.put(arg.substring(0, equals), arg.substring(equals + 1));
        }
        IngestConfig config = IngestConfig.load(ConfigInput.ofValues(values));
        PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        HealthRegistry health = new HealthRegistry();
        ManagementServer.start(config.common().managementHost(), config.common().managementPort(), health, metrics, Map.of());
        IngestService service = new IngestService(config, metrics, health, Clock.systemUTC());
        service.start();
        Thread.currentThread().join();
    }
}
