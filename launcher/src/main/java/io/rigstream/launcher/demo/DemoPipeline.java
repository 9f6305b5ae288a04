package io.rigstream.launcher.demo;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.rigstream.embedded.EmbeddedKafka;
import io.rigstream.embedded.EmbeddedMqttBroker;
import io.rigstream.embedded.TempDirectories;
import io.rigstream.ingest.IngestService;
import io.rigstream.ingest.config.IngestConfig;
import io.rigstream.odoo.sink.OdooSinkService;
import io.rigstream.odoo.sink.config.OdooSinkConfig;
import io.rigstream.runtime.config.CommonConfig;
import io.rigstream.runtime.config.ConfigInput;
import io.rigstream.runtime.config.ServiceConfigParser;
import io.rigstream.runtime.kafka.TopicInstaller;
import io.rigstream.runtime.management.HealthRegistry;
import io.rigstream.schemas.registry.SchemaRegistryClient;
import io.rigstream.schemas.topics.Topics;
import io.rigstream.topology.metrics.MicrometerTopologyMetrics;
import io.rigstream.topology.service.TopologyService;
import io.rigstream.topology.service.TopologySettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;

/**
 * The whole of rigstream in one JVM on embedded brokers: Kafka (KRaft), MQTT (HiveMQ CE), the bridge, the topology
 * and the sink, each configured through its own configuration object exactly as its standalone command is. The
 * in-process {@code mock://} registry is correct here, and only here, because every producer and consumer of the
 * topics runs in this JVM.
 */
public final class DemoPipeline implements AutoCloseable {

    private static final String REGISTRY_URL = "mock://rigstream-demo";

    private final List<AutoCloseable> started = new ArrayList<>();
    private final SimpleMeterRegistry metrics = new SimpleMeterRegistry();
    private final EmbeddedKafka kafka;
    private final EmbeddedMqttBroker mqtt;
    private final SchemaRegistryClient registry;
    private final Path workDirectory;

    /** What the pipeline's services are configured from: shared keys, plus the sink's Odoo settings. */
    public record Settings(Path workDirectory, Map<String, String> sinkOverrides) {
    }

    public DemoPipeline(Settings settings, Progress progress) throws Exception {
        this.workDirectory = Files.createDirectories(settings.workDirectory());
        progress.step("starting embedded Kafka (KRaft)");
        this.kafka = track(EmbeddedKafka.start());
        progress.step("starting embedded MQTT broker (HiveMQ CE)");
        this.mqtt = track(EmbeddedMqttBroker.start());
        try (Admin admin = kafka.admin()) {
            TopicInstaller.createMissing(admin, Topics.ALL, 3, (short) 1);
        }
        Map<String, String> common = Map.of(
                CommonConfig.KAFKA_BOOTSTRAP_SERVERS, kafka.bootstrapServers(),
                CommonConfig.SCHEMA_REGISTRY_URL, REGISTRY_URL,
                CommonConfig.SCHEMA_REGISTRY_ALLOW_MOCK, "true",
                CommonConfig.MANAGEMENT_PORT, "0",
                CommonConfig.MANAGEMENT_HOST, "127.0.0.1");

        progress.step("starting the topology (Kafka Streams)");
        Map<String, String> topologyValues = new HashMap<>(common);
        // The embedded broker is new on every run, so the state must be too: old state would point past its changelogs.
        Path stateDirectory = Files.createTempDirectory("rigstream-demo-state");
        track(() -> TempDirectories.deleteRecursively(stateDirectory));
        topologyValues.put(TopologySettings.STATE_DIR, stateDirectory.toString());
        topologyValues.put(TopologySettings.PUNCTUATION_INTERVAL, "PT2S");
        topologyValues.put("kafka.streams.commit.interval.ms", "500");
        AbstractConfig topologyParsed = ServiceConfigParser.parse(
                CommonConfig.define(TopologySettings.define(new ConfigDef()), 0),
                CommonConfig.passThroughPrefixes(TopologySettings.STREAMS_PREFIX), ConfigInput.ofValues(topologyValues));
        CommonConfig topologyCommon = CommonConfig.from(topologyParsed);
        this.registry = topologyCommon.schemaRegistry();
        TopologyService topology = track(new TopologyService(
                TopologySettings.topologyConfig(topologyParsed, registry, new MicrometerTopologyMetrics(metrics)),
                TopologySettings.streamsProperties(topologyParsed, topologyCommon, 0)));
        topology.start();

        progress.step("starting the Odoo sink");
        Map<String, String> sinkValues = new HashMap<>(common);
        sinkValues.put(OdooSinkConfig.OUTBOX_PATH, outbox().toString());
        sinkValues.put(OdooSinkConfig.BATCH_LINGER_MS, "500");
        sinkValues.putAll(settings.sinkOverrides());
        OdooSinkService sink = track(new OdooSinkService(OdooSinkConfig.from(ConfigInput.ofValues(sinkValues)),
                Clock.systemUTC(), metrics, new HealthRegistry()));
        sink.start();

        progress.step("starting the MQTT bridge");
        Map<String, String> ingestValues = new HashMap<>(common);
        ingestValues.put(IngestConfig.MQTT_SERVER_URIS, mqtt.serverUri());
        ingestValues.put(IngestConfig.MQTT_CLIENT_ID, "rigstream-demo-ingest");
        // One bridge: a plain subscription, which brokers feed up to the full receive maximum.
        ingestValues.put(IngestConfig.MQTT_SHARED_GROUP, "");
        IngestService ingest = track(new IngestService(IngestConfig.load(ConfigInput.ofValues(ingestValues)), metrics,
                new HealthRegistry(), Clock.systemUTC()));
        ingest.start();
    }

    public EmbeddedKafka kafka() {
        return kafka;
    }

    public EmbeddedMqttBroker mqtt() {
        return mqtt;
    }

    public SchemaRegistryClient registry() {
        return registry;
    }

    public SimpleMeterRegistry metrics() {
        return metrics;
    }

    public Path outbox() {
        return workDirectory.resolve("odoo-outbox.jsonl");
    }

    private <T extends AutoCloseable> T track(T resource) {
        started.add(resource);
        return resource;
    }

    /** Closes in reverse start order: the bridge first, the brokers last. */
    @Override
    public void close() {
        List<AutoCloseable> reversed = new ArrayList<>(started);
        Collections.reverse(reversed);
        for (AutoCloseable resource : reversed) {
            try {
                resource.close();
            } catch (Exception e) {
                System.err.println("warning: " + resource.getClass().getSimpleName() + " did not close cleanly: " + e.getMessage());
            }
        }
    }
}
