package io.rigstream.benchmarks.bridge;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.rigstream.ingest.IngestService;
import io.rigstream.ingest.config.IngestConfig;
import io.rigstream.runtime.management.HealthRegistry;
import io.rigstream.schemas.TelemetryReading;
import io.rigstream.schemas.topics.Topics;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The bridge itself, in this JVM with its default settings: gateways publish the round, the bridge subscribes, maps,
 * produces and acknowledges after Kafka. The clock stops when the bridge has counted every reading as forwarded
 * (acknowledged by Kafka). Latency is publish to Kafka's append, read back from the records' log-append time.
 */
public final class BridgeRun {

    private static final long TIMEOUT_NANOS = TimeUnit.MINUTES.toNanos(10);

    private BridgeRun() {
    }

    static Result run(BenchEnvironment env, String round) throws Exception {
        Workload workload = env.workload();
        IngestConfig config = env.config("bench-bridge-" + round);
        String clientId = config.mqtt().clientId();
        SimpleMeterRegistry metrics = new SimpleMeterRegistry();
        HealthRegistry health = new HealthRegistry();
        Map<TopicPartition, Long> startOffsets = endOffsets(env);
        Result result;
        GatewayFleet.PublishTimes times;
        try (IngestService bridge = new IngestService(config, metrics, health, Clock.systemUTC());
             GatewayFleet fleet = new GatewayFleet(env.mqtt().serverUri(), round, env.options().connections(),
                     env.options().window())) {
            bridge.start();
            awaitReady(health);
            Counter forwarded = metrics.counter("rigstream.ingest.readings.forwarded");
            BridgeProbe probe = new BridgeProbe(metrics, clientId);
            CpuMeter.Snapshot before = CpuMeter.snapshot();
            long start = System.nanoTime();
            times = fleet.publish(workload, round, env.options().rate());
            while (forwarded.count() < workload.readings()) {
                if (System.nanoTime() - start > TIMEOUT_NANOS) {
                    throw new IllegalStateException("Bridge: only " + forwarded.count() + " readings forwarded in 10 min");
                }
                LockSupport.parkNanos(200_000);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            CpuMeter.Snapshot after = CpuMeter.snapshot();
            probe.close();
            System.out.println("         bridge: " + probe.report());
            Predicate<String> client = name -> name.contains(clientId) || name.startsWith("ingest-");
            result = new Result("bridge (MQTT -> Kafka)", workload.readings(), seconds, Double.NaN, Double.NaN,
                    CpuMeter.threadSeconds(before, after, client),
                    CpuMeter.processSeconds(before, after), CpuMeter.byThread(before, after, client));
        }
        double[] latencies = latencies(env, round, startOffsets, times);
        return new Result(result.path(), result.readings(), result.seconds(), Result.quantile(latencies, 0.5),
                Result.quantile(latencies, 0.99), result.clientCpuSeconds(), result.processCpuSeconds(), result.clientThreads());
    }

    /** Waits until the bridge behind {@code health} is subscribed and able to produce; the pipeline benchmark's too. */
    public static void awaitReady(HealthRegistry health) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!HealthRegistry.allOk(health.ready())) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Bridge not ready after 60 s: " + health.ready());
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
        }
    }

    /** Reads the round's records back and takes, for each reading, its log-append time minus its message's publish time. */
    private static double[] latencies(BenchEnvironment env, String round, Map<TopicPartition, Long> from,
            GatewayFleet.PublishTimes times) {
        Workload workload = env.workload();
        String keyPrefix = Workload.TENANT + "/" + Workload.equipmentPrefix(round);
        double[] latencies = new double[(int) workload.readings()];
        int found = 0;
        try (KafkaConsumer<String, TelemetryReading> consumer = consumer(env)) {
            consumer.assign(from.keySet());
            from.forEach(consumer::seek);
            Map<TopicPartition, Long> to = consumer.endOffsets(from.keySet());
            while (from.keySet().stream().anyMatch(p -> consumer.position(p) < to.get(p))) {
                for (ConsumerRecord<String, TelemetryReading> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.key().startsWith(keyPrefix) && found < latencies.length) {
                        int message = workload.message(Workload.gatewayOfKey(record.key()), record.value().getSeq());
                        latencies[found++] = record.timestamp() - times.millis(message);
                    }
                }
            }
        }
        return Arrays.copyOf(latencies, found);
    }

    private static Map<TopicPartition, Long> endOffsets(BenchEnvironment env) {
        try (KafkaConsumer<String, TelemetryReading> consumer = consumer(env)) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.READINGS.name()).stream()
                    .map(PartitionInfo::partition).map(p -> new TopicPartition(Topics.READINGS.name(), p))
                    .collect(Collectors.toList());
            return consumer.endOffsets(partitions);
        }
    }

    private static KafkaConsumer<String, TelemetryReading> consumer(BenchEnvironment env) {
        IngestConfig config = env.config("bench-reader");
        return new KafkaConsumer<>(Map.of("bootstrap.servers", env.kafka().bootstrapServers(), "max.poll.records", 10_000,
                "enable.auto.commit", false), new StringDeserializer(),
                Topics.READINGS.valueSerde(config.common().schemaRegistry()).deserializer());
    }
}
