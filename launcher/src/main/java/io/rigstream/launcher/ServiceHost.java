package io.rigstream.launcher;

import com.sun.net.httpserver.HttpHandler;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.rigstream.runtime.config.CommonConfig;
import io.rigstream.runtime.lifecycle.ShutdownSequence;
import io.rigstream.runtime.management.HealthRegistry;
import io.rigstream.runtime.management.ManagementServer;
import java.io.IOException;
import java.util.Map;

/**
 * What surrounds a service process: the meter registry, health, the management server and the shutdown sequence.
 * The management server is registered first, so it is the last thing stopped.
 */
public final class ServiceHost implements AutoCloseable {

    private final PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final HealthRegistry health = new HealthRegistry();
    private final ShutdownSequence shutdown;
    private final ManagementServer management;

    public ServiceHost(String service, CommonConfig common, Map<String, HttpHandler> extraRoutes) throws IOException {
        this.shutdown = new ShutdownSequence(service);
        metrics.config().commonTags("service", service);
        new JvmMemoryMetrics().bindTo(metrics);
        new JvmThreadMetrics().bindTo(metrics);
        new ProcessorMetrics().bindTo(metrics);
        this.management = shutdown.register("management server",
                ManagementServer.start(common.managementHost(), common.managementPort(), health, metrics, extraRoutes));
    }

    public PrometheusMeterRegistry metrics() {
        return metrics;
    }

    public HealthRegistry health() {
        return health;
    }

    public ShutdownSequence shutdown() {
        return shutdown;
    }

    public int managementPort() {
        return management.port();
    }

    /** Registers the service itself; it is stopped before the management server. */
    public <T extends AutoCloseable> T run(String name, T service) {
        return shutdown.register(name, service);
    }

    /** Blocks until SIGTERM (or {@link #close()}) has run the shutdown sequence. */
    public void awaitShutdown() throws InterruptedException {
        // Registered last, so it runs first: readiness drops before anything stops.
        shutdown.register("mark not ready", health::markShuttingDown);
        shutdown.onSigterm();
        shutdown.awaitTermination();
    }

    @Override
    public void close() {
        health.markShuttingDown();
        shutdown.close();
    }
}
