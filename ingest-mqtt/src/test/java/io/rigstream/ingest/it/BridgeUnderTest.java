package io.rigstream.ingest.it;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.rigstream.ingest.IngestService;
import io.rigstream.ingest.config.IngestConfig;
import io.rigstream.runtime.config.ConfigInput;
import io.rigstream.runtime.management.HealthRegistry;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/** The bridge running in the test's JVM against the test bed's brokers. */
final class BridgeUnderTest implements AutoCloseable {

    final SimpleMeterRegistry metrics = new SimpleMeterRegistry();
    final HealthRegistry health = new HealthRegistry();
    final IngestService service;

    BridgeUnderTest(TestBed bed, Map<String, String> extra) throws Exception {
        service = new IngestService(IngestConfig.load(ConfigInput.ofValues(settings(bed, extra))), metrics, health,
                Clock.systemUTC());
        service.start();
    }

    /** The settings a bridge of these tests runs with: the test bed's brokers, then {@code extra}. */
    static Map<String, String> settings(TestBed bed, Map<String, String> extra) {
        Map<String, String> values = new HashMap<>(Map.of(
                "kafka.bootstrap.servers", bed.kafka().bootstrapServers(),
                "schema.registry.url", bed.registryUrl(),
                "mqtt.server-uris", bed.mqtt().serverUri(),
                "mqtt.client-id", "bridge-it",
                "management.port", "0"));
        values.putAll(extra);
        return values;
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
