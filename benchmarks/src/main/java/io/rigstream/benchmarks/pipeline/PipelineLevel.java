package io.rigstream.benchmarks.pipeline;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.rigstream.benchmarks.GroupProgress;
import io.rigstream.benchmarks.Machine;
import io.rigstream.benchmarks.PassThroughStreams;
import io.rigstream.benchmarks.StageMeter;
import io.rigstream.benchmarks.StreamsOverrides;
import io.rigstream.benchmarks.bridge.BareProducerRun;
import io.rigstream.benchmarks.bridge.BareSubscriberRun;
import io.rigstream.benchmarks.bridge.BenchEnvironment;
import io.rigstream.benchmarks.bridge.BenchmarkOptions;
import io.rigstream.benchmarks.bridge.BridgeRun;
import io.rigstream.benchmarks.bridge.GatewayFleet;
import io.rigstream.benchmarks.bridge.Result;
import io.rigstream.benchmarks.bridge.Workload;
import io.rigstream.embedded.TempDirectories;
import io.rigstream.ingest.IngestService;
import io.rigstream.ingest.config.IngestConfig;
import io.rigstream.runtime.management.HealthRegistry;
import io.rigstream.schemas.ContractBasis;
import io.rigstream.schemas.ContractTerms;
import io.rigstream.schemas.EquipmentAssignment;
import io.rigstream.schemas.ShiftCalendar;
import io.rigstream.schemas.registry.SchemaRegistryClient;
import io.rigstream.schemas.topics.Topics;
import io.rigstream.topology.TopologyConfig;
import io.rigstream.topology.service.TopologyService;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;

/**
 * One fleet size, start to finish: the two raw baselines on their own brokers, then the pipeline (gateways, MQTT
 * broker, bridge, Kafka, topology) on fresh brokers, then, over the readings the pipeline wrote, a second topology
 * and the pass-through Streams baseline, each catching up on the complete input. Every equipment is on a job under a weekly contract, so the per-job state is exercised too.
 */
final class PipelineLevel {

    static final String ROUND = "R0";
    private static final String TOPOLOGY_ID = "bench-pipeline-topology";
    private static final String CATCH_UP_ID = "bench-pipeline-catch-up";
    private static final String PASS_THROUGH_ID = "bench-pipeline-passthrough";
    private static final String PASS_THROUGH_OUT = "bench.pipeline.passthrough.out";
    private static final String BRIDGE_ID = "bench-pipeline-bridge";
    private static final int EQUIPMENT_PER_JOB = 20;
    private static final Duration TIMEOUT = Duration.ofMinutes(30);

    private final PipelineOptions options;
    private final int equipment;
    private final BenchmarkOptions workloadOptions;

    PipelineLevel(PipelineOptions options, int equipment) {
        this.options = options;
        this.equipment = equipment;
        // One reading per message, as a live gateway sends it; 8 publishing connections with 100 in flight each. One
        // bridge subscribes without a shared group: HiveMQ CE drains a shared subscription's backlog of single-reading
        // messages at a few hundred per second, which would measure that broker feature, not the pipeline.
        this.workloadOptions = new BenchmarkOptions("hivemq", equipment, options.readingsPerEquipment(equipment), 1, 1, 0,
                8, 100, 1000, options.rate(), Set.of(), Map.of("mqtt.shared-subscription-group", ""),
                (int) options.readingInterval().toMillis());
    }

    LevelResult run() throws Exception {
        Result producer;
        Result subscriber;
        try (BenchEnvironment baselines = new BenchEnvironment(workloadOptions)) {
            producer = BareProducerRun.run(baselines, ROUND);
            System.out.println("  " + producer.line());
            subscriber = BareSubscriberRun.run(baselines, ROUND);
            System.out.println("  " + subscriber.line());
        }
        Path stateRoot = Files.createTempDirectory("rigstream-pipeline-bench");
        try (BenchEnvironment env = new BenchEnvironment(workloadOptions, false); Admin admin = env.kafka().admin()) {
            admin.createTopics(List.of(new NewTopic(PASS_THROUGH_OUT, 6, (short) 1))).all().get(30, TimeUnit.SECONDS);
            return pipeline(env, admin, stateRoot, producer, subscriber);
        } finally {
            TempDirectories.deleteRecursively(stateRoot);
        }
    }

    private LevelResult pipeline(BenchEnvironment env, Admin admin, Path stateRoot, Result producer, Result subscriber)
            throws Exception {
        Workload workload = env.workload();
        IngestConfig bridgeConfig = env.config(BRIDGE_ID);
        SchemaRegistryClient registry = bridgeConfig.common().schemaRegistry();
        publishAssignments(env, registry);
        GroupProgress readings = new GroupProgress(admin, Topics.READINGS.name());

        TopologyService topology = startTopology(env, registry, stateRoot.resolve("topology"), TOPOLOGY_ID);
        GroupProgress assignments = new GroupProgress(admin, Topics.ASSIGNMENTS.name());
        assignments.awaitCommitted(TOPOLOGY_ID, assignments.endOffsets(), Duration.ofMinutes(5));

        SimpleMeterRegistry metrics = new SimpleMeterRegistry();
        HealthRegistry health = new HealthRegistry();
        double bridgeSeconds;
        double topologySeconds;
        double endToEndSeconds;
        double[] latencies;
        Map<String, StageMeter.Usage> stages;
        try (IngestService bridge = new IngestService(bridgeConfig, metrics, health, Clock.systemUTC());
             GatewayFleet fleet = new GatewayFleet(env.mqtt().serverUri(), ROUND, workloadOptions.connections(),
                     workloadOptions.window())) {
            bridge.start();
            BridgeRun.awaitReady(health);
            OutputWatch watch = new OutputWatch(env.kafka().bootstrapServers(), registry, workload, equipment,
                    workloadOptions.messagesPerGateway());
            Counter forwarded = metrics.counter("rigstream.ingest.readings.forwarded");
            StageMeter meter = StageMeter.start(PipelineLevel::stageOf);
            long start = System.nanoTime();
            GatewayFleet.PublishTimes times = fleet.publish(workload, ROUND, options.rate());
            long deadline = start + TIMEOUT.toNanos();
            while (forwarded.count() < workload.readings()) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("only " + forwarded.count() + " readings forwarded in " + TIMEOUT);
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
            }
            bridgeSeconds = (System.nanoTime() - start) / 1e9;
            readings.awaitCommitted(TOPOLOGY_ID, readings.endOffsets(), TIMEOUT);
            topologySeconds = (System.nanoTime() - start) / 1e9;
            endToEndSeconds = (watch.awaitAllVisible(TIMEOUT) - start) / 1e9;
            stages = meter.byStage();
            watch.close();
            latencies = watch.latenciesMillis(times);
        }
        topology.close();
        long stateBytes = Machine.bytesUnder(stateRoot.resolve("topology"));

        // The stage ratio compares like with like: in the pipeline the topology can go no faster than the bridge feeds
        // it, so both it and the pass-through baseline are timed again catching up on the same, complete input.
        Map<TopicPartition, Long> ends = readings.endOffsets();
        long catchUpStart = System.nanoTime();
        TopologyService catchUp = startTopology(env, registry, stateRoot.resolve("catch-up"), CATCH_UP_ID);
        readings.awaitCommitted(CATCH_UP_ID, ends, TIMEOUT);
        double catchUpSeconds = (System.nanoTime() - catchUpStart) / 1e9;
        catchUp.close();
        long passThroughStart = System.nanoTime();
        KafkaStreams passThrough = PassThroughStreams.start(env.kafka().bootstrapServers(), registry,
                stateRoot.resolve("passthrough"), PASS_THROUGH_ID, PASS_THROUGH_OUT);
        readings.awaitCommitted(PASS_THROUGH_ID, ends, TIMEOUT);
        double passThroughSeconds = (System.nanoTime() - passThroughStart) / 1e9;
        passThrough.close(Duration.ofSeconds(30));

        long total = workload.readings();
        return new LevelResult(equipment, total, producer.perSecond(), subscriber.perSecond(), total / passThroughSeconds,
                total / bridgeSeconds, total / topologySeconds, total / catchUpSeconds, total / endToEndSeconds, Result.quantile(latencies, 0.5),
                Result.quantile(latencies, 0.99), stages, stateBytes, heapAfterGc());
    }

    /** Which stage a thread works for, by its name. */
    static String stageOf(String thread) {
        if (thread.contains("bench-gw")) {
            return "gateways";
        }
        if (thread.contains(BRIDGE_ID) || thread.startsWith("ingest-")) {
            return "bridge";
        }
        if (thread.contains(TOPOLOGY_ID) || thread.contains(CATCH_UP_ID)) {
            return "topology";
        }
        if (thread.equals("bench-watch") || thread.equals("main")) {
            return "harness";
        }
        return thread.toLowerCase().contains("hivemq") ? "mqtt-broker" : "kafka-broker";
    }

    /**
     * Every equipment is on a job from its first reading on: a fleet in its daily routine. (Assignments that began
     * 30 days before the data, as in the first runs, made every equipment's first round close 8 empty equipment days
     * and 8 job days: a one-off backfill that measured onboarding, not the routine.)
     */
    private void publishAssignments(BenchEnvironment env, SchemaRegistryClient registry) {
        Instant from = env.workload().firstReadingAt();
        ShiftCalendar everyDay = ShiftCalendar.newBuilder().setStartLocal("06:00").setEndLocal("18:00")
                .setWorkingDays(Arrays.stream(DayOfWeek.values()).map(DayOfWeek::name).toList()).build();
        ContractTerms weekly = ContractTerms.newBuilder().setBasis(ContractBasis.WEEK).setAllowanceHours(40).build();
        try (KafkaProducer<String, EquipmentAssignment> producer = new KafkaProducer<>(
                Map.of("bootstrap.servers", env.kafka().bootstrapServers(), "linger.ms", 20),
                Topics.ASSIGNMENTS.keySerde().serializer(), Topics.ASSIGNMENTS.valueSerde(registry).serializer())) {
            for (int g = 0; g < equipment; g++) {
                String id = "A-" + g;
                producer.send(new ProducerRecord<>(Topics.ASSIGNMENTS.name(), id, EquipmentAssignment.newBuilder()
                        .setAssignmentId(id).setTenant(Workload.TENANT).setEquipmentId(Workload.equipment(ROUND, g))
                        .setJobId("JOB-" + g / EQUIPMENT_PER_JOB).setValidFrom(from).setValidTo(null)
                        .setSiteTimeZone("UTC").setShift(everyDay).setContract(weekly).build()));
            }
            producer.flush();
        }
    }

    private TopologyService startTopology(BenchEnvironment env, SchemaRegistryClient registry, Path stateDir,
            String applicationId) {
        TopologyConfig config = TopologyConfig.builder(registry).applicationId(applicationId)
                .punctuationInterval(options.punctuation()).build();
        Properties properties = new Properties();
        properties.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, env.kafka().bootstrapServers());
        properties.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        properties.put(StreamsConfig.consumerPrefix("auto.offset.reset"), "earliest");
        TopologyService service = new TopologyService(config, StreamsOverrides.applyTo(properties));
        service.start();
        return service;
    }

    private static long heapAfterGc() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
