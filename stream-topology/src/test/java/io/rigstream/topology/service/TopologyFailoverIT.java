package io.rigstream.topology.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.rigstream.embedded.EmbeddedKafka;
import io.rigstream.runtime.kafka.TopicInstaller;
import io.rigstream.runtime.management.HealthRegistry;
import io.rigstream.runtime.management.ManagementServer;
import io.rigstream.schemas.ContractBasis;
import io.rigstream.schemas.EquipmentAssignment;
import io.rigstream.schemas.EquipmentUsage;
import io.rigstream.schemas.JobUsageDaily;
import io.rigstream.schemas.TelemetryReading;
import io.rigstream.schemas.registry.InMemorySchemaRegistry;
import io.rigstream.schemas.registry.SchemaRegistryClient;
import io.rigstream.schemas.topics.TopicDescriptor;
import io.rigstream.schemas.topics.Topics;
import io.rigstream.topology.TopologyConfig;
import io.rigstream.topology.query.QueryRoutes;
import io.rigstream.topology.testing.Telemetry;
import io.rigstream.topology.testing.TopologyHarness;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

/**
 * On real brokers: two topology instances share the work; one is killed mid-stream; the survivor takes over its
 * partitions from the changelogs. The final daily and job figures equal those of one instance that ran
 * uninterrupted on its own broker over the same input: nothing lost, nothing counted twice. Along the way, a query
 * to either instance is answered for equipment the other owns.
 */
class TopologyFailoverIT {

    private static final int PARTITIONS = 4;
    private static final int MACHINES = 8;
    /** Two full days of data ending yesterday, so that every data day closes by the wall clock. */
    private static final LocalDate FIRST_DAY = LocalDate.now(ZoneOffset.UTC).minusDays(3);
    private static final LocalDate LAST_DAY = FIRST_DAY.plusDays(1);

    private final SchemaRegistryClient registry = InMemorySchemaRegistry.scope("topology-failover-it");

    @Test
    void aKilledInstancesWorkIsTakenOverWithoutLossOrDoubleCounting() throws Exception {
        List<TelemetryReading> readings = readings();
        Map<String, String> reference;
        try (EmbeddedKafka kafka = EmbeddedKafka.start()) {
            install(kafka);
            try (Instance single = new Instance(kafka, "single", 0)) {
                single.start();
                produce(kafka, readings);
                reference = settledFigures(kafka);
            }
        }
        Map<String, String> withFailover;
        try (EmbeddedKafka kafka = EmbeddedKafka.start()) {
            install(kafka);
            Instance survivor = new Instance(kafka, "a", freePort());
            Instance victim = new Instance(kafka, "b", freePort());
            try (survivor; victim) {
                survivor.start();
                victim.start();
                await().atMost(90, TimeUnit.SECONDS).until(() -> survivor.service.isReady() && victim.service.isReady());
                produce(kafka, readings.subList(0, readings.size() / 2));
                queriesAreAnsweredByEitherInstance(survivor, victim);
                // killed without a clean shutdown of its work: its open transaction is aborted, its state is left behind
                victim.service.streams().close(Duration.ZERO);
                produce(kafka, readings.subList(readings.size() / 2, readings.size()));
                withFailover = settledFigures(kafka);
            }
        }
        assertThat(reference).hasSize(MACHINES * 2 + MACHINES * 2);
        assertThat(withFailover).isEqualTo(reference);
    }

    private void queriesAreAnsweredByEitherInstance(Instance a, Instance b) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        ObjectMapper json = new ObjectMapper();
        for (int m = 0; m < MACHINES; m++) {
            for (Instance instance : List.of(a, b)) {
                String url = "http://localhost:" + instance.port + "/equipment/acme/ex-" + m;
                String job = "job-" + (m % 3);
                // the assignments may be processed after the first readings: the job shows once they are
                await().atMost(60, TimeUnit.SECONDS).untilAsserted(() -> {
                    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).build(),
                            HttpResponse.BodyHandlers.ofString());
                    assertThat(response.statusCode()).isEqualTo(200);
                    Map<?, ?> state = json.readValue(response.body(), Map.class);
                    assertThat(state.get("equipmentId")).isEqualTo(url.substring(url.lastIndexOf('/') + 1));
                    assertThat(state.get("currentJobId")).isEqualTo(job);
                });
            }
        }
        // job-0 has ex-0, ex-3 and ex-6, spread over both instances; both data days are in the past, so an idle
        // instance closes them by the wall clock
        for (Instance instance : List.of(a, b)) {
            String jobUrl = "http://localhost:" + instance.port + "/jobs/acme/job-0/usage?from=" + FIRST_DAY + "&to=" + LAST_DAY;
            await().atMost(60, TimeUnit.SECONDS).untilAsserted(() -> {
                Map<?, ?> usage = json.readValue(http.send(HttpRequest.newBuilder(URI.create(jobUrl)).build(),
                        HttpResponse.BodyHandlers.ofString()).body(), Map.class);
                assertThat(usage.get("job")).isEqualTo("acme/job-0");
                assertThat((List<?>) usage.get("days")).hasSize(6);
                assertThat(((Map<?, ?>) usage.get("totals")).keySet()).map(Object::toString)
                        .containsExactlyInAnyOrder("ex-0", "ex-3", "ex-6");
            });
        }
    }

    /** One topology instance with its own state directory and, when given a port, its query and health server. */
    private final class Instance implements AutoCloseable {
        final TopologyService service;
        final int port;
        private final Path stateDir;
        private ManagementServer server;

        Instance(EmbeddedKafka kafka, String name, int port) throws Exception {
            this.port = port;
            this.stateDir = Files.createTempDirectory("rigstream-it-" + name);
            TopologyConfig config = TopologyConfig.builder(registry).fleetTimeZone(ZoneOffset.UTC)
                    .punctuationInterval(Duration.ofSeconds(1)).build();
            Properties props = new Properties();
            props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
            props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
            props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 200);
            props.put(StreamsConfig.consumerPrefix(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG), 10_000);
            if (port > 0) {
                props.put(StreamsConfig.APPLICATION_SERVER_CONFIG, "localhost:" + port);
            }
            this.service = new TopologyService(config, props);
        }

        void start() throws Exception {
            service.start();
            if (port > 0) {
                // as the launcher wires it: routes first, bound once the client exists
                QueryRoutes queries = new QueryRoutes();
                HealthRegistry health = new HealthRegistry();
                service.registerHealth(health);
                server = ManagementServer.start("localhost", port, health,
                        new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), queries.routes());
                queries.bind(service.interactiveQueries());
            }
        }

        @Override
        public void close() throws Exception {
            if (server != null) {
                server.close();
            }
            service.close();
            try (var files = Files.walk(stateDir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private void install(EmbeddedKafka kafka) throws Exception {
        try (var admin = kafka.admin()) {
            TopicInstaller.createMissing(admin, Topics.ALL, PARTITIONS, (short) 1);
        }
        try (var producer = producer(kafka, Topics.ASSIGNMENTS)) {
            for (int m = 0; m < MACHINES; m++) {
                EquipmentAssignment assignment = EquipmentAssignment.newBuilder(TopologyHarness.assignment("a-" + m,
                        "ex-" + m, "job-" + (m % 3), FIRST_DAY.atStartOfDay().toInstant(ZoneOffset.UTC).toString(), null,
                        ContractBasis.values()[m % 3], new double[] {8, 40, 160}[m % 3], m % 2 == 0 ? 4 : 0))
                        .setSiteTimeZone("UTC").build();
                producer.send(new ProducerRecord<>(Topics.ASSIGNMENTS.name(), assignment.getAssignmentId(), assignment)).get();
            }
        }
    }

    /** Every machine reports every 5 minutes for two days: running on shift, an idle spell, a red fault on one. */
    private static List<TelemetryReading> readings() {
        Random random = new Random(11);
        List<TelemetryReading> readings = new ArrayList<>();
        Instant start = FIRST_DAY.atStartOfDay().toInstant(ZoneOffset.UTC);
        for (int m = 0; m < MACHINES; m++) {
            double meter = 1000 + 100 * m;
            for (int i = 0; i < 2 * 24 * 12; i++) {
                Instant t = start.plus(Duration.ofMinutes(5L * i));
                int hour = t.atZone(ZoneOffset.UTC).getHour();
                boolean running = hour >= 7 && hour < 16 && random.nextInt(10) > 0;
                Telemetry reading = Telemetry.reading("acme", "ex-" + m, t).seq(i).running(running)
                        .meter(Math.round(meter * 1000) / 1000.0).speed(random.nextInt(4)).load(random.nextInt(60))
                        .fuel(90 - i * 0.02).tank(250).position(52 + m * 0.01, 13 + i * 0.0001)
                        .receivedAt(t.plusSeconds(1));
                if (m == 3 && i % 50 == 0) {
                    reading.faults(i % 100 == 0 ? new io.rigstream.schemas.Fault[] {Telemetry.red(110, 0)}
                            : new io.rigstream.schemas.Fault[0]);
                }
                readings.add(reading.build());
                meter += running ? 5 / 60.0 : 0;
            }
        }
        // the order a fleet delivers in: mostly by time, with a tenth of the readings re-sent
        readings.sort(java.util.Comparator.comparing(TelemetryReading::getDeviceTs));
        List<TelemetryReading> delivery = new ArrayList<>(readings);
        for (int i = 0; i < readings.size() / 10; i++) {
            delivery.add(random.nextInt(delivery.size()), readings.get(random.nextInt(readings.size())));
        }
        return delivery;
    }

    private void produce(EmbeddedKafka kafka, List<TelemetryReading> readings) throws Exception {
        try (var producer = producer(kafka, Topics.READINGS)) {
            for (TelemetryReading reading : readings) {
                producer.send(new ProducerRecord<>(Topics.READINGS.name(), null, reading.getReceivedTs().toEpochMilli(),
                        reading.getTenant() + "/" + reading.getEquipmentId(), reading));
            }
            producer.flush();
        }
    }

    private <V extends SpecificRecord> KafkaProducer<String, V> producer(EmbeddedKafka kafka, TopicDescriptor<V> topic) {
        Map<String, Object> props = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        return new KafkaProducer<>(props, topic.keySerde().serializer(), topic.valueSerde(registry).serializer());
    }

    /**
     * The committed daily and job figures of the data days once every reading has been consumed and the figures
     * stop changing: latest per key, revision numbers left out (a run that closed a day early and revised it
     * differs only there). Waiting for the input to be consumed first matters after a kill: the survivor only takes
     * the dead instance's partitions over once the group notices, and nothing changes in the meantime.
     */
    private Map<String, String> settledFigures(EmbeddedKafka kafka) {
        await().atMost(180, TimeUnit.SECONDS).pollInterval(Duration.ofSeconds(1)).until(() -> readingsConsumed(kafka));
        Map<String, String> figures = new TreeMap<>();
        Map<String, String> previous = new HashMap<>();
        long[] stableSince = {System.nanoTime()};
        await().atMost(180, TimeUnit.SECONDS).pollInterval(Duration.ofSeconds(2)).until(() -> {
            figures.clear();
            figures.putAll(latest(kafka, Topics.USAGE_DAILY, u -> u.getWindowStart().atZone(ZoneOffset.UTC).toLocalDate(),
                    u -> EquipmentUsage.newBuilder(u).setRevision(0).build().toString()));
            figures.putAll(latest(kafka, Topics.JOB_USAGE_DAILY, JobUsageDaily::getDay,
                    u -> JobUsageDaily.newBuilder(u).setRevision(0).build().toString()));
            boolean complete = figures.size() == MACHINES * 4;
            if (!complete || !figures.equals(previous)) {
                previous.clear();
                previous.putAll(figures);
                stableSince[0] = System.nanoTime();
                return false;
            }
            return System.nanoTime() - stableSince[0] > TimeUnit.SECONDS.toNanos(8);
        });
        return figures;
    }

    private static boolean readingsConsumed(EmbeddedKafka kafka) throws Exception {
        try (var admin = kafka.admin()) {
            Map<TopicPartition, org.apache.kafka.clients.consumer.OffsetAndMetadata> committed = admin
                    .listConsumerGroupOffsets("rigstream-topology").partitionsToOffsetAndMetadata().get();
            Map<TopicPartition, org.apache.kafka.clients.admin.OffsetSpec> latest = new HashMap<>();
            for (int p = 0; p < PARTITIONS; p++) {
                latest.put(new TopicPartition(Topics.READINGS.name(), p), org.apache.kafka.clients.admin.OffsetSpec.latest());
            }
            var ends = admin.listOffsets(latest).all().get();
            return ends.entrySet().stream().allMatch(end -> committed.containsKey(end.getKey())
                    && committed.get(end.getKey()).offset() >= end.getValue().offset());
        }
    }

    private <V extends SpecificRecord> Map<String, String> latest(EmbeddedKafka kafka, TopicDescriptor<V> topic,
            java.util.function.Function<V, LocalDate> dayOf, java.util.function.Function<V, String> withoutRevision) {
        Map<String, Object> props = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        Map<String, String> latest = new TreeMap<>();
        try (var consumer = new KafkaConsumer<>(props, topic.keySerde().deserializer(), topic.valueSerde(registry).deserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic.name()).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<String, V> record : consumer.poll(Duration.ofMillis(200))) {
                    LocalDate day = dayOf.apply(record.value());
                    if (!day.isBefore(FIRST_DAY) && !day.isAfter(LAST_DAY)) {
                        latest.put(topic.name() + " " + record.key(), withoutRevision.apply(record.value()));
                    }
                }
            }
        }
        return latest;
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
