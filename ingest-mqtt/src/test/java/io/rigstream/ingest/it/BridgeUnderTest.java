package io.rigstream.ingest.it;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.rigstream.ingest.IngestService;
import io.rigstream.ingest.config.IngestConfig;
import io.rigstream.runtime.config.ConfigInput;
import io.rigstream.runtime.management.HealthRegistry;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/** The bridge running in the test's JVM against the embedded brokers. */
final class BridgeUnderTest implements AutoCloseable {

    final SimpleMeterRegistry metrics = new SimpleMeterRegistry();
    final HealthRegistry health = new HealthRegistry();
    final IngestService service;

    BridgeUnderTest(String mqttUri, String bootstrapServers, String registryUrl, Map<String, String> extra) throws Exception {
        Map<String, String> values = new HashMap<>(Map.of(
                "kafka.bootstrap.servers", bootstrapServers,
                "schema.registry.url", registryUrl,
                "schema.registry.allow-mock", "true",
                "mqtt.server-uris", mqttUri,
                "mqtt.client-id", "bridge-it",
                "management.port", "0"));
        values.putAll(extra);
        service = new IngestService(IngestConfig.load(ConfigInput.ofValues(values)), metrics, health, Clock.systemUTC());
        service.start();
    }

    boolean ready() {
        return HealthRegistry.allOk(health.ready());
    }

    double inFlight() {
        return metrics.get("rigstream.ingest.messages.in.flight").gauge().value();
    }

    double received() {
        return metrics.get("rigstream.ingest.messages.received").counter().count();
    }

    @Override
    public void close() {
        service.close();
    }
}
