package io.rigstream.launcher;

import io.rigstream.launcher.demo.DemoPipeline;
import io.rigstream.launcher.demo.DemoReport;
import io.rigstream.launcher.demo.PipelineDrain;
import io.rigstream.launcher.demo.Progress;
import io.rigstream.launcher.demo.TopicSnapshot;
import io.rigstream.odoo.sink.config.OdooSinkConfig;
import io.rigstream.schemas.EquipmentAssignment;
import io.rigstream.schemas.JobUsageDaily;
import io.rigstream.schemas.topics.Topics;
import io.rigstream.simulator.FleetSimulator;
import io.rigstream.simulator.Scenario;
import io.rigstream.simulator.Simulation;
import io.rigstream.simulator.gateway.MqttFleetPublisher;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run all of rigstream on embedded brokers with a simulated fleet, print a report, and exit.")
final class DemoCommand implements Callable<Integer> {

    private static final Duration STAGE_TIMEOUT = Duration.ofMinutes(3);

    @Option(names = "--seed", defaultValue = "42", description = "Simulation seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--equipment", defaultValue = "20", description = "Machines (default ${DEFAULT-VALUE}).")
    int equipment;

    @Option(names = "--jobs", defaultValue = "4", description = "Job sites (default ${DEFAULT-VALUE}).")
    int jobs;

    @Option(names = "--days", defaultValue = "2", description = "Simulated days (default ${DEFAULT-VALUE}).")
    int days;

    @Option(names = "--work-dir", defaultValue = "rigstream-demo", description = "Where the outbox, state and truth go (default ${DEFAULT-VALUE}).")
    Path workDirectory;

    @Option(names = "--odoo-url", description = "A real Odoo to write to instead of the dry-run outbox.")
    String odooUrl;

    @Option(names = "--odoo-db", description = "Odoo database (with --odoo-url).")
    String odooDatabase;

    @Option(names = "--odoo-user", description = "Odoo login (with --odoo-url).")
    String odooUser;

    @Option(names = "--odoo-api-key-file", description = "File holding the Odoo API key (with --odoo-url).")
    Path odooApiKeyFile;

    @Override
    public Integer call() throws Exception {
        Progress progress = new Progress(System.err);
        Scenario scenario = new Scenario(seed, equipment, jobs, days, DemoDefaults.lastDay(), Duration.ofMinutes(1),
                Duration.ofMinutes(15), 0.01, 3, "acme");
        progress.step(String.format("simulating %d machines on %d jobs, %s to %s (seed %d)", equipment, jobs,
                scenario.lastDay().minusDays(days - 1L), scenario.lastDay(), seed));
        Simulation simulation = FleetSimulator.run(scenario);
        try (DemoPipeline pipeline = new DemoPipeline(new DemoPipeline.Settings(workDirectory, sinkSettings()), progress);
             Admin admin = pipeline.kafka().admin()) {
            simulation.truth().writeJson(workDirectory.resolve("ground-truth.json"));
            publishAssignments(pipeline, simulation.plan().assignments());
            progress.step(String.format("publishing %,d gateway messages over MQTT", simulation.messages().size()));
            try (MqttFleetPublisher publisher = new MqttFleetPublisher(pipeline.mqtt().serverUri(), "demo-gateways", 4, 500)) {
                publisher.publishAll(simulation.messages(), sent -> {
                    if (sent % 10_000 == 0) {
                        progress.step(String.format("  %,d / %,d published", sent, simulation.messages().size()));
                    }
                });
            }
            PipelineDrain drain = new PipelineDrain(admin);
            progress.step("waiting for the bridge");
            waitFor(progress, "bridge", () -> pipeline.metrics().find("rigstream.ingest.messages.received").counter() != null
                    && pipeline.metrics().find("rigstream.ingest.messages.received").counter().count() >= simulation.messages().size());
            progress.step("waiting for the topology to process every reading and close every day");
            Set<String> expectedDays = simulation.truth().days().stream().filter(d -> d.engineHours() > 0)
                    .map(d -> key(d.jobId(), d.equipmentId(), d.day().toString())).collect(Collectors.toSet());
            waitFor(progress, "topology", () -> caughtUp(drain, "rigstream-topology", List.of(Topics.READINGS.name()))
                    && usageKeys(pipeline).containsAll(expectedDays));
            // Past days close on the wall clock as soon as they have data, then revise as the rest arrives; the last
            // revisions come out on the topology's punctuation after its input is consumed.
            progress.step("waiting for the last revisions");
            waitFor(progress, "topology's revisions", new StableRevisions(() -> usage(pipeline).values().stream()
                    .mapToLong(JobUsageDaily::getRevision).sum()));
            progress.step("waiting for the sink");
            waitFor(progress, "sink", () -> caughtUp(drain, "rigstream-odoo-sink", List.of(Topics.JOB_USAGE_DAILY.name(),
                    Topics.MAINTENANCE.name(), Topics.DOWNTIME.name())));
            new DemoReport(System.out).print(pipeline.metrics(), usage(pipeline).values(),
                    TopicSnapshot.latestByKey(TopicSnapshot.read(pipeline.kafka().bootstrapServers(), pipeline.registry(), Topics.MAINTENANCE)).values(),
                    TopicSnapshot.read(pipeline.kafka().bootstrapServers(), pipeline.registry(), Topics.DOWNTIME).stream().map(r -> r.value()).toList(),
                    simulation.truth(), simulation.messages().size(), pipeline.outbox(), progress.elapsedSeconds());
            progress.step("shutting down");
        }
        return 0;
    }

    private Map<String, String> sinkSettings() {
        Map<String, String> values = new HashMap<>();
        if (odooUrl == null) {
            values.put(OdooSinkConfig.MODE, "dry-run");
            return values;
        }
        values.put(OdooSinkConfig.MODE, "live");
        values.put(OdooSinkConfig.URL, odooUrl);
        if (odooDatabase != null) {
            values.put(OdooSinkConfig.DATABASE, odooDatabase);
        }
        if (odooUser != null) {
            values.put(OdooSinkConfig.USERNAME, odooUser);
        }
        if (odooApiKeyFile != null) {
            values.put(OdooSinkConfig.API_KEY, "file:" + odooApiKeyFile.toAbsolutePath());
        }
        return values;
    }

    private static void publishAssignments(DemoPipeline pipeline, List<EquipmentAssignment> assignments) throws Exception {
        try (KafkaProducer<String, EquipmentAssignment> producer = new KafkaProducer<>(
                Map.of("bootstrap.servers", pipeline.kafka().bootstrapServers(), "acks", "all"),
                Topics.ASSIGNMENTS.keySerde().serializer(), Topics.ASSIGNMENTS.valueSerde(pipeline.registry()).serializer())) {
            for (EquipmentAssignment assignment : assignments) {
                producer.send(new ProducerRecord<>(Topics.ASSIGNMENTS.name(), assignment.getAssignmentId(), assignment));
            }
            producer.flush();
        }
    }

    private static Map<String, JobUsageDaily> usage(DemoPipeline pipeline) {
        Map<String, JobUsageDaily> latest = new HashMap<>();
        TopicSnapshot.latestByKey(TopicSnapshot.read(pipeline.kafka().bootstrapServers(), pipeline.registry(), Topics.JOB_USAGE_DAILY))
                .values().forEach(u -> latest.merge(key(u.getJobId(), u.getEquipmentId(), u.getDay().toString()), u,
                        (a, b) -> a.getRevision() >= b.getRevision() ? a : b));
        return latest;
    }

    private static Set<String> usageKeys(DemoPipeline pipeline) {
        return usage(pipeline).keySet();
    }

    private static String key(String job, String equipment, String day) {
        return job + "/" + equipment + "/" + day;
    }

    private static boolean caughtUp(PipelineDrain drain, String group, List<String> topics) {
        try {
            return drain.caughtUp(group, topics);
        } catch (Exception e) {
            return false;
        }
    }

    private static void waitFor(Progress progress, String stage, java.util.function.BooleanSupplier condition) throws InterruptedException {
        if (!PipelineDrain.await(condition, STAGE_TIMEOUT, Duration.ofMillis(500))) {
            progress.step("warning: the " + stage + " did not catch up within " + STAGE_TIMEOUT.toMinutes()
                    + " min; the report shows what it had done");
        }
    }


    /** True once the observed value stayed the same across three consecutive polls, several punctuations apart. */
    private static final class StableRevisions implements java.util.function.BooleanSupplier {
        private final java.util.function.LongSupplier observed;
        private long last = Long.MIN_VALUE;
        private long sinceNanos;

        StableRevisions(java.util.function.LongSupplier observed) {
            this.observed = observed;
        }

        @Override
        public boolean getAsBoolean() {
            long now = observed.getAsLong();
            if (now != last) {
                last = now;
                sinceNanos = System.nanoTime();
                return false;
            }
            return System.nanoTime() - sinceNanos >= Duration.ofSeconds(6).toNanos();
        }
    }
}
