package io.rigstream.benchmarks;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.rigstream.embedded.EmbeddedKafka;
import io.rigstream.embedded.TempDirectories;
import io.rigstream.runtime.kafka.TopicInstaller;
import io.rigstream.schemas.EngineStatus;
import io.rigstream.schemas.FuelStatus;
import io.rigstream.schemas.Location;
import io.rigstream.schemas.TelemetryReading;
import io.rigstream.schemas.registry.InMemorySchemaRegistry;
import io.rigstream.schemas.registry.SchemaRegistryClient;
import io.rigstream.schemas.topics.Topics;
import io.rigstream.topology.TopologyConfig;
import io.rigstream.topology.metrics.MicrometerTopologyMetrics;
import io.rigstream.topology.service.TopologyService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;

/**
 * The full topology against a pass-through Kafka Streams application (same input, same serdes, same exactly-once
 * guarantee) in one run, on a real broker; then state bytes per equipment and the time to restore the state after the
 * local state directory is lost.
 * Usage: {@code java -cp ... io.rigstream.benchmarks.TopologyBenchmark [equipment] [readingsPerEquipment]}
 */
public final class TopologyBenchmark {

    private static final String PASS_THROUGH_OUT = "bench.passthrough.out";

    public static void main(String[] args) throws Exception {
        int equipment = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int perEquipment = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        long total = (long) equipment * perEquipment;
        System.out.printf("Topology benchmark: %,d equipment x %d readings = %,d readings; %d cores; %s; load average %s%n",
                equipment, perEquipment, total, Runtime.getRuntime().availableProcessors(), StreamsOverrides.describe(),
                Machine.loadAverage());
        SchemaRegistryClient registry = InMemorySchemaRegistry.scope("topology-bench");
        Path stateRoot = Files.createTempDirectory("rigstream-topology-bench");
        try (EmbeddedKafka kafka = EmbeddedKafka.start(); Admin admin = kafka.admin()) {
            TopicInstaller.createMissing(admin, Topics.ALL, 6, (short) 1);
            admin.createTopics(List.of(new NewTopic(PASS_THROUGH_OUT, 6, (short) 1))).all().get(30, TimeUnit.SECONDS);
            produce(kafka, registry, equipment, perEquipment);

            KafkaStreams passThroughStreams = PassThroughStreams.start(kafka.bootstrapServers(), registry,
                    stateRoot.resolve("passthrough"), "bench-passthrough", PASS_THROUGH_OUT);
            double passThrough = timeToConsume(admin, "bench-passthrough");
            passThroughStreams.close(Duration.ofSeconds(30));
            TopologyService topology = topology(kafka, registry, stateRoot.resolve("topology"), "bench-topology");
            double full = timeToConsume(admin, "bench-topology");
            topology.close();
            long stateBytes = Machine.bytesUnder(stateRoot.resolve("topology"));

            System.out.printf("pass-through Streams (EOS v2) %,10.0f readings/s%n", total / passThrough);
            System.out.printf("rigstream topology   (EOS v2) %,10.0f readings/s%n", total / full);
            System.out.printf("topology / pass-through = %.2f%n", passThrough / full);
            System.out.printf("local state: %,d bytes for %,d equipment = %,d bytes per equipment%n", stateBytes, equipment,
                    stateBytes / equipment);

            TempDirectories.deleteRecursively(stateRoot.resolve("topology"));
            long restoreStart = System.nanoTime();
            TopologyService restored = topology(kafka, registry, stateRoot.resolve("topology"), "bench-topology");
            while (restored.streams().state() != KafkaStreams.State.RUNNING) {
                Thread.sleep(20);
            }
            System.out.printf("state restore after losing the state directory: %.1f s%n", (System.nanoTime() - restoreStart) / 1e9);
            restored.close();
            System.out.println("load average at the end: " + Machine.loadAverage());
        } finally {
            TempDirectories.deleteRecursively(stateRoot);
        }
    }

    private static void produce(EmbeddedKafka kafka, SchemaRegistryClient registry, int equipment, int perEquipment) throws Exception {
        Serde<TelemetryReading> serde = Topics.READINGS.valueSerde(registry);
        Instant start = Instant.now().minus(Duration.ofDays(2));
        try (KafkaProducer<String, TelemetryReading> producer = new KafkaProducer<>(Map.of("bootstrap.servers",
                kafka.bootstrapServers(), "linger.ms", 20, "batch.size", 262144, "compression.type", "lz4"),
                Topics.READINGS.keySerde().serializer(), serde.serializer())) {
            for (int r = 0; r < perEquipment; r++) {
                for (int e = 0; e < equipment; e++) {
                    Instant ts = start.plus(Duration.ofMinutes(r));
                    TelemetryReading reading = TelemetryReading.newBuilder().setTenant("bench").setEquipmentId("EQ-" + e)
                            .setDeviceTs(ts).setSeq((long) r).setReceivedTs(ts.plusSeconds(1))
                            .setGps(Location.newBuilder().setLatitude(51.5).setLongitude(-0.12).setSpeedKmh(r % 5 == 0 ? 0.0 : 4.0).build())
                            .setEngine(EngineStatus.newBuilder().setRunning(true).setCumulativeOperatingHours(1000 + r / 60.0)
                                    .setLoadPct(r % 5 == 0 ? 10.0 : 60.0).build())
                            .setFuel(FuelStatus.newBuilder().setRemainingPct(80 - r * 0.05).setCumulativeUsedLitres(5000 + r * 0.3).build())
                            .build();
                    producer.send(new ProducerRecord<>(Topics.READINGS.name(), "bench/EQ-" + e, reading));
                }
            }
            producer.flush();
        }
    }

    private static TopologyService topology(EmbeddedKafka kafka, SchemaRegistryClient registry, Path stateDir, String appId) {
        TopologyConfig config = TopologyConfig.builder(registry).applicationId(appId)
                .metrics(new MicrometerTopologyMetrics(new SimpleMeterRegistry())).build();
        Properties properties = new Properties();
        properties.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        properties.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        properties.put("consumer.auto.offset.reset", "earliest");
        TopologyService service = new TopologyService(config, StreamsOverrides.applyTo(properties));
        service.start();
        return service;
    }

    /** Seconds from now until group {@code groupId} has committed every input record. */
    private static double timeToConsume(Admin admin, String groupId) throws Exception {
        long start = System.nanoTime();
        GroupProgress progress = new GroupProgress(admin, Topics.READINGS.name());
        progress.awaitCommitted(groupId, progress.endOffsets(), Duration.ofHours(1));
        return (System.nanoTime() - start) / 1e9;
    }
}
