package io.rigstream.odoo.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.rigstream.embedded.EmbeddedBrokers;
import io.rigstream.odoo.sink.config.OdooSinkConfig;
import io.rigstream.odoo.sink.kafka.DeadLetterHeaders;
import io.rigstream.odoo.sink.kafka.DeadLetterReplayer;
import io.rigstream.odoo.standin.OdooStandin;
import io.rigstream.odoo.standin.orm.Models;
import io.rigstream.runtime.management.HealthRegistry;
import io.rigstream.schemas.DowntimeEvent;
import io.rigstream.schemas.JobUsageDaily;
import io.rigstream.schemas.MaintenanceTrigger;
import io.rigstream.schemas.topics.Topics;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The sink end to end on a real Kafka broker and the stand-in Odoo: what only real brokers and restarts show. */
class OdooSinkIT {

    @RegisterExtension
    static final EmbeddedBrokers BROKERS = EmbeddedBrokers.kafkaOnly();

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private final JobUsageDaily usage = Fixtures.read(JobUsageDaily.class, "job-usage-daily.json");
    private final MaintenanceTrigger serviceDue = Fixtures.read(MaintenanceTrigger.class, "trigger-service-due.json");
    private final DowntimeEvent downtime = Fixtures.read(DowntimeEvent.class, "downtime-started.json");

    private OdooStandin standin;
    private SinkHarness harness;
    private String name;

    @BeforeEach
    void start(TestInfo test) throws Exception {
        name = test.getTestMethod().orElseThrow().getName();
        standin = OdooStandin.start();
        standin.state().createEquipment("Excavator EX-0042", "EX-0042");
        standin.state().createProject("J-1001");
        harness = new SinkHarness(BROKERS.kafka(), name);
    }

    @AfterEach
    void stop() {
        harness.close();
        standin.close();
    }

    private OdooSinkConfig config(String group, Map<String, String> overrides) {
        Map<String, String> values = Fixtures.liveValues(standin.url());
        values.put(OdooSinkConfig.RATE_REQUESTS, "50");
        values.putAll(overrides);
        return OdooSinkConfig.from(io.rigstream.runtime.config.ConfigInput.ofValues(harness.settings(group, values)));
    }

    /** Groups are per test: the broker is shared by the class. */
    private String group(String group) {
        return name + "-" + group;
    }

    private void sendUsageDays(int from, int count) throws Exception {
        for (int i = from; i < from + count; i++) {
            JobUsageDaily day = JobUsageDaily.newBuilder(usage).setDay(usage.getDay().plusDays(i)).setBillableHours(8 + i % 3).build();
            harness.send(harness.usage(), Topics.JOB_USAGE_DAILY, "acme/J-1001/EX-0042/" + day.getDay(), day);
        }
    }

    private void sendTriggers(int count) throws Exception {
        for (int i = 0; i < count; i++) {
            MaintenanceTrigger trigger = MaintenanceTrigger.newBuilder(serviceDue).setTriggerId("service-" + i).setServiceTierHours(250 * (i + 1)).build();
            harness.send(harness.maintenance(), Topics.MAINTENANCE, trigger.getTriggerId(), trigger);
        }
    }

    private int lines() {
        return standin.state().count(Models.ANALYTIC_LINE);
    }

    private int requests() {
        return standin.state().count(Models.REQUEST);
    }

    @Test
    void replayingTheSameTopicTwiceYieldsNoDuplicate() throws Exception {
        sendUsageDays(0, 30);
        sendTriggers(5);

        OdooSinkService first = harness.start(config(group("first"), Map.of()));
        await().atMost(PATIENCE).until(() -> harness.caughtUp(group("first")));
        first.close();
        assertThat(lines()).isEqualTo(30);
        assertThat(requests()).isEqualTo(5);
        int loadsAfterFirst = standin.meter().loads().size();

        harness.start(config(group("second"), Map.of()));
        await().atMost(PATIENCE).until(() -> harness.caughtUp(group("second")));

        assertThat(standin.meter().loads().size()).as("the second group wrote everything again").isGreaterThan(loadsAfterFirst);
        assertThat(lines()).isEqualTo(30);
        assertThat(requests()).isEqualTo(5);
        assertThat(standin.state().externalIds(Models.ANALYTIC_LINE)).hasSize(30);
    }

    @Test
    void killingTheSinkBetweenOdoosAnswerAndTheOffsetCommitYieldsNoDuplicate() throws Exception {
        sendUsageDays(0, 10);
        standin.faults().holdAnswerOfNextLoads(1);

        OdooSinkService killed = harness.start(config(group("group"), Map.of()));
        await().atMost(PATIENCE).until(() -> lines() > 0);
        killed.close();
        assertThat(harness.committedTotal(group("group"))).as("nothing committed: Odoo's answer never arrived").isZero();
        standin.faults().releaseHeldAnswers();

        harness.start(config(group("group"), Map.of()));
        await().atMost(PATIENCE).until(() -> harness.caughtUp(group("group")));

        assertThat(standin.meter().loads()).hasSizeGreaterThanOrEqualTo(2);
        assertThat(lines()).isEqualTo(10);
    }

    @Test
    void anAnswerLostAfterOdooCommittedIsRetriedWithoutDuplicate() throws Exception {
        sendTriggers(4);
        standin.faults().loseAnswerOfNextLoads(1);

        harness.start(config(group("group"), Map.of()));
        await().atMost(PATIENCE).until(() -> harness.caughtUp(group("group")));

        assertThat(standin.meter().loads().stream().filter(load -> load.model().equals(Models.REQUEST))).hasSizeGreaterThanOrEqualTo(2);
        assertThat(requests()).isEqualTo(4);
    }

    /**
     * Odoo goes away for {@code -Dodoo.down.seconds} (5 by default, to keep the build short; 60 shows the issue's
     * minute): the sink backs off and retries several times, stays alive but not ready, loses nothing, and resumes.
     */
    @Test
    void odooDownForAWhileLosesNothingAndTheFlowResumes() throws Exception {
        harness.start(config(group("group"), Map.of()));
        sendUsageDays(0, 10);
        await().atMost(PATIENCE).until(() -> lines() == 10);

        standin.downFor(Duration.ofSeconds(Long.getLong("odoo.down.seconds", 5)));
        sendUsageDays(10, 20);
        sendTriggers(3);
        await().atMost(PATIENCE).until(() -> !HealthRegistry.allOk(harness.health.ready()));
        assertThat(HealthRegistry.allOk(harness.health.live())).as("backing off is alive, not dead").isTrue();
        await().atMost(PATIENCE).until(() -> harness.batchRetries() >= 3);
        assertThat(harness.caughtUp(group("group"))).isFalse();

        await().atMost(PATIENCE).until(() -> harness.caughtUp(group("group")));
        assertThat(lines()).isEqualTo(30);
        assertThat(requests()).isEqualTo(3);
        assertThat(harness.readDeadLetters()).isEmpty();
        await().atMost(PATIENCE).until(() -> HealthRegistry.allOk(harness.health.ready()));
    }

    @Test
    void aPoisonRecordIsDeadLetteredWhileItsNeighboursAreWrittenAndReplaysOnceFixed() throws Exception {
        MaintenanceTrigger unknownEquipment = MaintenanceTrigger.newBuilder(serviceDue).setTriggerId("on-unknown").setEquipmentId("EX-0777").build();
        sendTriggers(2);
        harness.send(harness.maintenance(), Topics.MAINTENANCE, "on-unknown", unknownEquipment);
        harness.sendBytes(harness.maintenance(), "garbage", "{not avro}".getBytes(StandardCharsets.UTF_8));
        sendUsageDays(0, 3);
        OdooSinkConfig config = config(group("group"), Map.of());

        harness.start(config);
        await().atMost(PATIENCE).until(() -> harness.caughtUp(group("group")));

        assertThat(requests()).isEqualTo(2);
        assertThat(lines()).isEqualTo(3);
        List<SinkHarness.Letter> letters = harness.readDeadLetters();
        assertThat(letters).extracting(letter -> letter.value().getReason()).containsExactlyInAnyOrder("UNKNOWN_EQUIPMENT", "UNDESERIALIZABLE");
        SinkHarness.Letter letter = letters.stream().filter(l -> l.value().getReason().equals("UNKNOWN_EQUIPMENT")).findFirst().orElseThrow();
        assertThat(letter.headers()).containsEntry(DeadLetterHeaders.TOPIC, harness.maintenance())
                .containsEntry(DeadLetterHeaders.PARTITION, "0").containsEntry(DeadLetterHeaders.OFFSET, "2")
                .containsEntry(DeadLetterHeaders.REASON, "UNKNOWN_EQUIPMENT");
        assertThat(letter.headers().get(DeadLetterHeaders.MESSAGE)).contains("EX-0777");
        assertThat(letter.value().getEquipmentId()).isEqualTo("EX-0777");
        assertThat(letter.value().getTenant()).isEqualTo("acme");

        standin.state().createEquipment("Loader EX-0777", "EX-0777");
        DeadLetterReplayer.Result replay = new DeadLetterReplayer(config)
                .replay(dead -> dead.getReason().equals("UNKNOWN_EQUIPMENT"), Duration.ofSeconds(30));
        assertThat(replay.replayed()).isEqualTo(1);
        await().atMost(PATIENCE).until(() -> standin.state().byExternalId("rigstream.trigger_on-unknown").isPresent());
        assertThat(new DeadLetterReplayer(config).replayAll(Duration.ofSeconds(30)).replayed()).as("already replayed").isZero();
        assertThat(requests()).isEqualTo(3);
    }

    @Test
    void theRequestRateNeverExceedsTheLimitMeasuredAtOdoo() throws Exception {
        sendUsageDays(0, 60);
        harness.start(config(group("group"), Map.of(OdooSinkConfig.RATE_REQUESTS, "5", OdooSinkConfig.BATCH_MAX_RECORDS, "4",
                OdooSinkConfig.BATCH_LINGER_MS, "20")));

        await().atMost(PATIENCE).until(() -> harness.caughtUp(group("group")));

        assertThat(standin.meter().requests()).isGreaterThanOrEqualTo(15);
        // Calls start 210 ms apart, so no 6 fit in a second as Odoo counts them even with 50 ms of arrival jitter;
        // the window is 50 ms shorter still, because this machine is shared with other builds.
        assertThat(standin.meter().maxInAnyWindow(Duration.ofMillis(950))).isLessThanOrEqualTo(5);
        assertThat(standin.meter().maxConcurrent()).isLessThanOrEqualTo(2);
        assertThat(lines()).isEqualTo(60);
    }

    @Test
    void downtimeGoesAheadOfAQueueOfUsageLines() throws Exception {
        sendUsageDays(0, 60);
        harness.start(config(group("group"), Map.of(OdooSinkConfig.RATE_REQUESTS, "4", OdooSinkConfig.BATCH_MAX_RECORDS, "5",
                OdooSinkConfig.MAX_CONCURRENT, "1")));
        await().atMost(PATIENCE).until(() -> lines() > 0);

        harness.send(harness.downtime(), Topics.DOWNTIME, "acme/EX-0042", downtime);

        await().atMost(PATIENCE).until(() -> requests() == 1);
        assertThat(lines()).as("the alert did not wait for the usage backlog").isLessThan(60);
        await().atMost(PATIENCE).until(() -> harness.caughtUp(group("group")));
    }

    @Test
    void wrongCredentialsStopTheSinkWithWhatToFixAndTheHealthEndpointSaysSo() {
        OdooSinkService sink = harness.start(config(group("group"), Map.of(OdooSinkConfig.API_KEY, "revoked")));

        await().atMost(PATIENCE).until(() -> sink.termination().isDone());
        assertThat(sink.termination()).isCompletedExceptionally();
        assertThat(sink.fatalError()).get().asString().contains("odoo.api-key");
        assertThat(harness.health.live().get("odoo-sink").ok()).isFalse();
        assertThat(harness.health.live().get("odoo-sink").detail()).contains("odoo.api-key");
    }

    @Test
    void dryRunWritesTheCallsItWouldMakeToTheOutbox(@TempDir Path dir) throws Exception {
        Path outbox = dir.resolve("outbox.jsonl");
        sendUsageDays(0, 3);
        sendTriggers(1);
        Map<String, String> values = harness.settings(group("dry"), Map.of(OdooSinkConfig.MODE, "dry-run", OdooSinkConfig.OUTBOX_PATH, outbox.toString()));

        harness.start(OdooSinkConfig.from(io.rigstream.runtime.config.ConfigInput.ofValues(values)));
        await().atMost(PATIENCE).until(() -> harness.caughtUp(group("dry")));

        List<String> calls = Files.readAllLines(outbox);
        assertThat(calls).anySatisfy(line -> assertThat(line).contains("\"model\":\"account.analytic.line\"")
                .contains("\"method\":\"load\"").contains("rigstream.usage_J-1001_EX-0042_20261123"));
        assertThat(calls).anySatisfy(line -> assertThat(line).contains("\"model\":\"maintenance.request\"")
                .contains("rigstream.trigger_service-0"));
        assertThat(standin.meter().requests()).as("no server involved").isZero();
    }
}
