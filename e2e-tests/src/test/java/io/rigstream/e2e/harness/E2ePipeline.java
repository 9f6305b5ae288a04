package io.rigstream.e2e.harness;

import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.rigstream.embedded.EmbeddedKafka;
import io.rigstream.embedded.EmbeddedMqttBroker;
import io.rigstream.embedded.EmbeddedSchemaRegistry;
import io.rigstream.ingest.IngestService;
import io.rigstream.ingest.config.IngestConfig;
import io.rigstream.odoo.sink.OdooSinkService;
import io.rigstream.odoo.sink.config.OdooSinkConfig;
import io.rigstream.odoo.standin.OdooStandin;
import io.rigstream.odoo.standin.StandinSettings;
import io.rigstream.runtime.config.CommonConfig;
import io.rigstream.runtime.config.ConfigInput;
import io.rigstream.runtime.config.ServiceConfigParser;
import io.rigstream.runtime.kafka.TopicInstaller;
import io.rigstream.runtime.management.HealthRegistry;
import io.rigstream.schemas.EquipmentAssignment;
import io.rigstream.schemas.registry.SchemaRegistries;
import io.rigstream.schemas.registry.SchemaRegistryClient;
import io.rigstream.schemas.topics.TopicDescriptor;
import io.rigstream.schemas.topics.Topics;
import io.rigstream.simulator.Simulation;
import io.rigstream.simulator.fleet.Job;
import io.rigstream.simulator.fleet.Machine;
import io.rigstream.topology.metrics.MicrometerTopologyMetrics;
import io.rigstream.topology.service.TopologyService;
import io.rigstream.topology.service.TopologySettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;

/**
 * One end-to-end run: the shared brokers ({@link SharedBrokers}: real KRaft Kafka, real MQTT broker, the HTTP schema
 * registry stand-in so that services in other processes can share it) with rigstream's topics recreated empty, an Odoo
 * stand-in of its own seeded with the fleet's equipment and jobs, and the three services, each started in this JVM or
 * as its own process, configured as the launcher configures them. The run's consumer groups, Streams application id
 * and MQTT client id carry its name, so nothing a previous run left in the brokers reaches it.
 */
public final class E2ePipeline implements AutoCloseable {

    private final List<AutoCloseable> resources = new ArrayList<>();
    private final SimpleMeterRegistry metrics = new SimpleMeterRegistry();
    private final String name;
    private final Path workDirectory;
    private final EmbeddedKafka kafka;
    private final EmbeddedMqttBroker mqtt;
    private final EmbeddedSchemaRegistry registryServer;
    private final SchemaRegistryClient registry;
    private final OdooStandin odoo;

    private E2ePipeline(String name, Path workDirectory, SharedBrokers.Brokers brokers) {
        this.name = name;
        this.workDirectory = workDirectory;
        this.kafka = brokers.kafka();
        this.mqtt = brokers.mqtt();
        this.registryServer = brokers.registry();
        this.registry = SchemaRegistries.forUrl(registryServer.url(), Optional.empty(), Duration.ofSeconds(10));
        recreateTopics();
        this.odoo = track(OdooStandin.start(StandinSettings.odoo17()));
        // Closed after every service (reverse order): the bridge's persistent session must not outlive the run.
        resources.add(0, this::endBridgeSession);
    }

    /**
     * Deletes rigstream's topics (what an earlier run wrote) and creates them again, empty. A name leaves the cluster's
     * metadata shortly after the deletion is accepted; a new topic's partitions get leaders shortly after creation, and
     * the installer only creates what is missing, so both steps are retried until they hold.
     */
    private void recreateTopics() {
        Set<String> names = Topics.ALL.stream().map(TopicDescriptor::name).collect(Collectors.toSet());
        try (Admin admin = kafka.admin()) {
            Set<String> present = new HashSet<>(admin.listTopics().names().get(30, TimeUnit.SECONDS));
            present.retainAll(names);
            if (!present.isEmpty()) {
                admin.deleteTopics(present).all().get(30, TimeUnit.SECONDS);
                await("topics of the previous run deleted").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                        .until(() -> Collections.disjoint(admin.listTopics().names().get(30, TimeUnit.SECONDS), present));
            }
            await("rigstream's topics created").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                    .ignoreExceptions().until(() -> {
                        TopicInstaller.createMissing(admin, Topics.ALL, 3, (short) 1);
                        return admin.listTopics().names().get(30, TimeUnit.SECONDS).containsAll(names);
                    });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while recreating rigstream's topics", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot recreate rigstream's topics", e);
        }
    }

    /**
     * Starts a run on the shared brokers (the test class is annotated {@code @ExtendWith(SharedBrokers.class)}): recreates
     * the topics and starts the Odoo stand-in; services are started by the test.
     */
    public static E2ePipeline start(String testName) {
        Path base = Path.of(System.getProperty("e2e.work-dir", "target/e2e"));
        try {
            return new E2ePipeline(testName, Files.createDirectories(base.resolve(testName + "-" + System.currentTimeMillis())),
                    SharedBrokers.current());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The MQTT client id of this run's bridge: one persistent session, shared by every bridge process of the run. */
    public String ingestClientId() {
        return "rigstream-e2e-ingest-" + name;
    }

    /** The Kafka Streams application id (and consumer group) of this run's topology instances. */
    public String topologyApplicationId() {
        return "rigstream-topology-" + name;
    }

    /** The consumer group of this run's sink. */
    public String sinkGroupId() {
        return "rigstream-odoo-sink-" + name;
    }

    /** Ends the bridge's persistent session (clean start, no expiry), so the broker stops queueing for it. */
    private void endBridgeSession() throws MqttException {
        MqttAsyncClient client = new MqttAsyncClient(mqtt.serverUri(), ingestClientId(), new MemoryPersistence());
        try {
            MqttConnectionOptions options = new MqttConnectionOptions();
            options.setCleanStart(true);
            options.setSessionExpiryInterval(0L);
            client.connect(options).waitForCompletion(TimeUnit.SECONDS.toMillis(30));
            client.disconnect().waitForCompletion(TimeUnit.SECONDS.toMillis(10));
        } finally {
            client.close();
        }
    }

    /** What a customer's Odoo already holds: every machine as equipment (serial number = id), every job as a project. */
    public void seedOdoo(Simulation simulation) {
        for (Machine machine : simulation.plan().machines()) {
            odoo.state().createEquipment(machine.type() + " " + machine.equipmentId(), machine.equipmentId());
        }
        for (Job job : simulation.plan().jobs()) {
            odoo.state().createProject(job.jobId());
        }
    }

    public void publishAssignments(List<EquipmentAssignment> assignments) {
        try (KafkaProducer<String, EquipmentAssignment> producer = new KafkaProducer<>(
                Map.of("bootstrap.servers", kafka.bootstrapServers(), "acks", "all"),
                Topics.ASSIGNMENTS.keySerde().serializer(), Topics.ASSIGNMENTS.valueSerde(registry).serializer())) {
            for (EquipmentAssignment assignment : assignments) {
                producer.send(new ProducerRecord<>(Topics.ASSIGNMENTS.name(), assignment.getAssignmentId(), assignment));
            }
            producer.flush();
        }
    }

    // ---- services in this JVM

    public RunningService startBridge() throws Exception {
        IngestService ingest = new IngestService(IngestConfig.load(ConfigInput.ofValues(ingestValues(0))), metrics,
                new HealthRegistry(), Clock.systemUTC());
        ingest.start();
        return track(new InProcessService("bridge", ingest));
    }

    public RunningService startTopology(String instance) {
        Map<String, String> values = topologyValues(instance, 0);
        AbstractConfig parsed = ServiceConfigParser.parse(CommonConfig.define(TopologySettings.define(new ConfigDef()), 0),
                CommonConfig.passThroughPrefixes(TopologySettings.STREAMS_PREFIX), ConfigInput.ofValues(values));
        CommonConfig common = CommonConfig.from(parsed);
        TopologyService topology = new TopologyService(
                TopologySettings.topologyConfig(parsed, common.schemaRegistry(), new MicrometerTopologyMetrics(metrics)),
                TopologySettings.streamsProperties(parsed, common, 0));
        topology.start();
        return track(new InProcessService("topology " + instance, topology));
    }

    public RunningService startSink() {
        OdooSinkService sink = new OdooSinkService(OdooSinkConfig.from(ConfigInput.ofValues(sinkValues())), Clock.systemUTC(),
                metrics, new HealthRegistry());
        sink.start();
        return track(new InProcessService("sink", sink));
    }

    // ---- services as their own processes

    public ChildService startBridgeProcess() {
        return track(ChildService.start("bridge", "ingest", ingestValues(freePort()), log("bridge")));
    }

    public ChildService startTopologyProcess(String instance) {
        return track(ChildService.start("topology " + instance, "topology", topologyValues(instance, freePort()),
                log("topology-" + instance)));
    }

    // ---- configuration, as a deployment would give it

    private Map<String, String> common(int managementPort) {
        Map<String, String> values = new HashMap<>();
        values.put(CommonConfig.KAFKA_BOOTSTRAP_SERVERS, kafka.bootstrapServers());
        values.put(CommonConfig.SCHEMA_REGISTRY_URL, registryServer.url());
        values.put(CommonConfig.MANAGEMENT_HOST, "127.0.0.1");
        values.put(CommonConfig.MANAGEMENT_PORT, Integer.toString(managementPort));
        return values;
    }

    private Map<String, String> ingestValues(int managementPort) {
        Map<String, String> values = common(managementPort);
        values.put(IngestConfig.MQTT_SERVER_URIS, mqtt.serverUri());
        // A stable client id and a persistent session: the broker queues what arrives while the bridge is down.
        values.put(IngestConfig.MQTT_CLIENT_ID, ingestClientId());
        values.put(IngestConfig.MQTT_SHARED_GROUP, "");
        return values;
    }

    private Map<String, String> topologyValues(String instance, int managementPort) {
        Map<String, String> values = common(managementPort);
        values.put(TopologySettings.APPLICATION_ID, topologyApplicationId());
        values.put(TopologySettings.STATE_DIR, workDirectory.resolve("topology-state-" + instance).toString());
        values.put(TopologySettings.PUNCTUATION_INTERVAL, "PT2S");
        values.put("kafka.streams.commit.interval.ms", "500");
        // Two instances and the rest of the pipeline share a 2-core, 24 GB machine.
        values.put(TopologySettings.ROCKSDB_MEMORY_BYTES, Integer.toString(64 * 1024 * 1024));
        return values;
    }

    private Map<String, String> sinkValues() {
        Map<String, String> values = common(0);
        values.put(OdooSinkConfig.MODE, "live");
        values.put(OdooSinkConfig.GROUP_ID, sinkGroupId());
        values.put(OdooSinkConfig.URL, odoo.url());
        values.put(OdooSinkConfig.DATABASE, "telematics");
        values.put(OdooSinkConfig.USERNAME, "admin");
        values.put(OdooSinkConfig.API_KEY, "rigstream-test-api-key");
        values.put(OdooSinkConfig.REQUEST_TIMEOUT_MS, "5000");
        values.put(OdooSinkConfig.RATE_REQUESTS, "50");
        values.put(OdooSinkConfig.RATE_RECORDS, "5000");
        values.put(OdooSinkConfig.BATCH_LINGER_MS, "500");
        // Odoo's outage is short in a test: come back within seconds of it, not a minute.
        values.put(OdooSinkConfig.RETRY_MAX_MS, "3000");
        values.put(OdooSinkConfig.OUTBOX_PATH, workDirectory.resolve("outbox.jsonl").toString());
        return values;
    }

    // ---- access

    public EmbeddedKafka kafka() {
        return kafka;
    }

    public EmbeddedMqttBroker mqtt() {
        return mqtt;
    }

    public SchemaRegistryClient registry() {
        return registry;
    }

    public OdooStandin odoo() {
        return odoo;
    }

    public SimpleMeterRegistry metrics() {
        return metrics;
    }

    private Path log(String service) {
        return workDirectory.resolve(service + "-" + System.currentTimeMillis() + ".log");
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private <T extends AutoCloseable> T track(T resource) {
        resources.add(resource);
        return resource;
    }

    /**
     * Closes what the run started in reverse order (services, then the Odoo stand-in) and ends the bridge's MQTT
     * session; the shared brokers stay up. A service already closed closes again harmlessly.
     */
    @Override
    public void close() {
        List<AutoCloseable> reversed = new ArrayList<>(resources);
        Collections.reverse(reversed);
        for (AutoCloseable resource : reversed) {
            try {
                resource.close();
            } catch (Exception e) {
                System.err.println("warning: " + resource + " did not close cleanly: " + e.getMessage());
            }
        }
    }
}
