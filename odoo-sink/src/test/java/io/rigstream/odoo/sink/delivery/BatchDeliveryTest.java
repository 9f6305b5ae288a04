package io.rigstream.odoo.sink.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.rigstream.odoo.sink.Fixtures;
import io.rigstream.odoo.sink.SinkWiring;
import io.rigstream.odoo.sink.config.OdooSinkConfig;
import io.rigstream.odoo.sink.metrics.SinkMetrics;
import io.rigstream.odoo.sink.throttle.RequestThrottle;
import io.rigstream.odoo.sink.throttle.Sleeper;
import io.rigstream.odoo.standin.OdooStandin;
import io.rigstream.odoo.standin.StandinSettings;
import io.rigstream.odoo.standin.orm.Models;
import io.rigstream.schemas.DowntimeEvent;
import io.rigstream.schemas.JobUsageDaily;
import io.rigstream.schemas.MaintenanceTrigger;
import io.rigstream.schemas.registry.SchemaRegistryClient;
import io.rigstream.schemas.topics.TopicDescriptor;
import io.rigstream.schemas.topics.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One batch at a time through the real mapping, lookups and loads, against the stand-in Odoo. */
class BatchDeliveryTest {

    private final JobUsageDaily usage = Fixtures.read(JobUsageDaily.class, "job-usage-daily.json");
    private final MaintenanceTrigger serviceDue = Fixtures.read(MaintenanceTrigger.class, "trigger-service-due.json");
    private final MaintenanceTrigger fault = Fixtures.read(MaintenanceTrigger.class, "trigger-fault.json");
    private final MaintenanceTrigger faultCleared = Fixtures.read(MaintenanceTrigger.class, "trigger-fault-cleared.json");
    private final DowntimeEvent downtime = Fixtures.read(DowntimeEvent.class, "downtime-started.json");
    private final RecordingDeadLetters deadLetters = new RecordingDeadLetters();

    private OdooStandin standin;
    private OdooSinkConfig config;
    private SchemaRegistryClient registry;
    private long offset;

    @BeforeEach
    void start() {
        standin = OdooStandin.start();
    }

    @AfterEach
    void stop() {
        standin.close();
    }

    private BatchDelivery delivery(Map<String, String> overrides) {
        config = Fixtures.live(standin.url(), overrides);
        registry = config.common().schemaRegistry();
        RequestThrottle throttle = new RequestThrottle(config.throttle(), Clock.systemUTC(), Sleeper.SYSTEM, SinkMetrics.none());
        return SinkWiring.delivery(config, SinkWiring.liveSession(config, throttle, SinkMetrics.none(), Clock.systemUTC()),
                registry, deadLetters, SinkMetrics.none());
    }

    private BatchDelivery delivery() {
        return delivery(Map.of());
    }

    private void seedEquipmentAndProject() {
        standin.state().createEquipment("Excavator EX-0042", "EX-0042");
        standin.state().createProject("J-1001");
    }

    private <T extends SpecificRecord> PendingRecord record(TopicDescriptor<T> topic, T value) {
        byte[] bytes = topic.valueSerde(registry).serializer().serialize(topic.name(), value);
        return new PendingRecord(topic.name(), 0, offset++, "key".getBytes(StandardCharsets.UTF_8), bytes);
    }

    private static Batch batch(PendingRecord... records) {
        return Batch.of(Lane.MAINTENANCE, List.of(records));
    }

    @Test
    void usageLinesAndMaintenanceRequestsAreWrittenOnTheirProjectAndEquipment() throws Exception {
        BatchDelivery delivery = delivery();
        seedEquipmentAndProject();
        Batch batch = batch(record(Topics.JOB_USAGE_DAILY, usage), record(Topics.MAINTENANCE, serviceDue), record(Topics.DOWNTIME, downtime));

        BatchOutcome outcome = delivery.deliver(batch);

        assertThat(outcome.done()).containsExactlyInAnyOrderElementsOf(batch.records());
        assertThat(outcome.needsRetry()).isFalse();
        Map<String, Object> line = standin.state().byExternalId("rigstream.usage_J-1001_EX-0042_20261123").orElseThrow();
        assertThat(line).containsEntry("unit_amount", 9.5).containsEntry("date", "2026-11-23")
                .containsEntry("name", "EX-0042 2026-11-23: engine 9.5 h, idle 1.2 h, overtime 1.5 h, fuel 54 L");
        assertThat(line.get("project_id")).isEqualTo(2);
        Map<String, Object> request = standin.state().byExternalId("rigstream.trigger_acme-EX-0042-service-500").orElseThrow();
        assertThat(request).containsEntry("maintenance_type", "preventive").containsEntry("equipment_id", 1).containsEntry("stage_id", 1);
        assertThat(standin.state().count(Models.REQUEST)).isEqualTo(2);
        assertThat(deadLetters.letters).isEmpty();
    }

    @Test
    void scheduleDatesStayUtcWhenTheIntegrationUserLivesInAnotherTimeZone() throws Exception {
        standin.close();
        standin = OdooStandin.start(StandinSettings.odoo17().withUserTimeZone("Europe/Berlin"));
        BatchDelivery delivery = delivery();
        seedEquipmentAndProject();

        delivery.deliver(batch(record(Topics.MAINTENANCE, serviceDue)));

        assertThat(standin.state().byExternalId("rigstream.trigger_acme-EX-0042-service-500").orElseThrow())
                .containsEntry("schedule_date", "2026-11-23 10:15:00");
    }

    @Test
    void deliveringTheSameRecordsAgainWritesNothingTwice() throws Exception {
        BatchDelivery delivery = delivery();
        seedEquipmentAndProject();
        Batch batch = batch(record(Topics.JOB_USAGE_DAILY, usage), record(Topics.MAINTENANCE, serviceDue));

        delivery.deliver(batch);
        delivery.deliver(batch);
        delivery(Map.of()).deliver(batch);

        assertThat(standin.state().count(Models.ANALYTIC_LINE)).isEqualTo(1);
        assertThat(standin.state().count(Models.REQUEST)).isEqualTo(1);
    }

    @Test
    void aClearedFaultClosesTheRequestItsFaultOpened() throws Exception {
        BatchDelivery delivery = delivery();
        seedEquipmentAndProject();

        delivery.deliver(batch(record(Topics.MAINTENANCE, fault)));
        delivery.deliver(batch(record(Topics.MAINTENANCE, faultCleared)));

        assertThat(standin.state().count(Models.REQUEST)).isEqualTo(1);
        assertThat(standin.state().byExternalId("rigstream.trigger_acme-EX-0042-fault-110-0").orElseThrow())
                .containsEntry("stage_id", 3).containsEntry("priority", "1");
    }

    @Test
    void revisionsOfOneDayInOneBatchAreOneWriteOfTheLatest() throws Exception {
        BatchDelivery delivery = delivery();
        seedEquipmentAndProject();
        PendingRecord first = record(Topics.JOB_USAGE_DAILY, usage);
        PendingRecord revised = record(Topics.JOB_USAGE_DAILY, JobUsageDaily.newBuilder(usage).setRevision(2).setBillableHours(11).build());

        BatchOutcome outcome = delivery.deliver(batch(first, revised));

        assertThat(outcome.done()).containsExactlyInAnyOrder(first, revised);
        assertThat(standin.meter().loads()).hasSize(1).allSatisfy(load -> assertThat(load.rows()).isEqualTo(1));
        assertThat(standin.state().byExternalId("rigstream.usage_J-1001_EX-0042_20261123").orElseThrow()).containsEntry("unit_amount", 11.0);
    }

    @Test
    void unknownEquipmentIsDeadLetteredWhileItsNeighboursAreWritten() throws Exception {
        BatchDelivery delivery = delivery();
        seedEquipmentAndProject();
        PendingRecord unknown = record(Topics.MAINTENANCE, MaintenanceTrigger.newBuilder(serviceDue).setTriggerId("t-unknown").setEquipmentId("EX-9999").build());
        PendingRecord known = record(Topics.MAINTENANCE, serviceDue);

        BatchOutcome outcome = delivery.deliver(batch(unknown, known));

        assertThat(outcome.done()).containsExactlyInAnyOrder(unknown, known);
        assertThat(deadLetters.letters).singleElement().satisfies(letter -> {
            assertThat(letter.source()).isEqualTo(unknown);
            assertThat(letter.reason()).isEqualTo("UNKNOWN_EQUIPMENT");
            assertThat(letter.detail()).contains("EX-9999");
        });
        assertThat(standin.state().count(Models.REQUEST)).isEqualTo(1);
    }

    @Test
    void unknownEquipmentAndJobsAreCreatedWhenConfigured() throws Exception {
        BatchDelivery delivery = delivery(Map.of("odoo.unknown-equipment", "create", "odoo.unknown-job", "create",
                "odoo.project.name-pattern", "Job {job}"));

        delivery.deliver(batch(record(Topics.MAINTENANCE, serviceDue), record(Topics.JOB_USAGE_DAILY, usage)));
        delivery(Map.of("odoo.unknown-equipment", "create", "odoo.unknown-job", "create", "odoo.project.name-pattern", "Job {job}"))
                .deliver(batch(record(Topics.MAINTENANCE, serviceDue), record(Topics.JOB_USAGE_DAILY, usage)));

        assertThat(standin.state().byExternalId("rigstream.equipment_EX-0042").orElseThrow()).containsEntry("serial_no", "EX-0042");
        assertThat(standin.state().byExternalId("rigstream.project_J-1001").orElseThrow()).containsEntry("name", "Job J-1001");
        assertThat(standin.state().count(Models.EQUIPMENT)).isEqualTo(1);
        assertThat(standin.state().count(Models.PROJECT)).isEqualTo(2);
        assertThat(deadLetters.letters).isEmpty();
    }

    @Test
    void jobsCanFindTheirProjectByExternalId() throws Exception {
        BatchDelivery delivery = delivery(Map.of("odoo.project.rule", "external-id", "odoo.project.external-id-pattern", "erp.job_{job}"));
        int project = standin.state().createProject("Riverside bridge");
        standin.state().bindExternalId("erp.job_J-1001", Models.PROJECT, project);

        delivery.deliver(batch(record(Topics.JOB_USAGE_DAILY, usage)));

        assertThat(standin.state().byExternalId("rigstream.usage_J-1001_EX-0042_20261123").orElseThrow()).containsEntry("project_id", project);
    }

    @Test
    void twoProjectsOfTheJobsNameAreAmbiguousAndDeadLettered() throws Exception {
        BatchDelivery delivery = delivery();
        standin.state().createProject("J-1001");
        standin.state().createProject("J-1001");

        delivery.deliver(batch(record(Topics.JOB_USAGE_DAILY, usage)));

        assertThat(deadLetters.letters).singleElement().satisfies(letter -> {
            assertThat(letter.reason()).isEqualTo("UNKNOWN_JOB");
            assertThat(letter.detail()).contains("2 projects are named 'J-1001'");
        });
        assertThat(standin.state().count(Models.ANALYTIC_LINE)).isZero();
    }

    @Test
    void rowsOdooRefusesAreDeadLetteredWithItsMessageAndTheOthersSentAgain() throws Exception {
        BatchDelivery delivery = delivery(Map.of("odoo.request.closed-stage-id", "99"));
        seedEquipmentAndProject();
        PendingRecord good = record(Topics.MAINTENANCE, serviceDue);
        PendingRecord refused = record(Topics.MAINTENANCE, faultCleared);

        BatchOutcome outcome = delivery.deliver(batch(good, refused));

        assertThat(outcome.done()).containsExactlyInAnyOrder(good, refused);
        assertThat(deadLetters.letters).singleElement().satisfies(letter -> {
            assertThat(letter.source()).isEqualTo(refused);
            assertThat(letter.reason()).isEqualTo("ODOO_REJECTED");
            assertThat(letter.detail()).isEqualTo("stage_id: No matching record found for database id '99' in field 'Stage'");
        });
        assertThat(standin.state().byExternalId("rigstream.trigger_acme-EX-0042-service-500")).isPresent();
        assertThat(standin.state().count(Models.REQUEST)).isEqualTo(1);
    }

    @Test
    void unreadableRecordsAreDeadLetteredWithTheirBytes() throws Exception {
        BatchDelivery delivery = delivery();
        seedEquipmentAndProject();
        PendingRecord garbage = new PendingRecord(Topics.MAINTENANCE.name(), 0, offset++, null, "not avro".getBytes(StandardCharsets.UTF_8));
        PendingRecord good = record(Topics.MAINTENANCE, serviceDue);

        BatchOutcome outcome = delivery.deliver(batch(garbage, good));

        assertThat(outcome.done()).containsExactlyInAnyOrder(garbage, good);
        assertThat(deadLetters.reasons()).containsExactly("UNDESERIALIZABLE");
        assertThat(deadLetters.letters.get(0).source().value()).isEqualTo("not avro".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aConcurrentUpdateConflictIsRetriedNotDeadLettered() throws Exception {
        BatchDelivery delivery = delivery();
        seedEquipmentAndProject();
        Batch batch = batch(record(Topics.MAINTENANCE, serviceDue), record(Topics.MAINTENANCE, fault));
        standin.faults().conflictOnNextLoads(1);

        BatchOutcome first = delivery.deliver(batch);
        assertThat(first.needsRetry()).isTrue();
        assertThat(first.remaining()).containsExactlyElementsOf(batch.records());
        assertThat(first.failure().orElseThrow().errorClass()).isEqualTo("psycopg2.errors.SerializationFailure");

        BatchOutcome second = delivery.deliver(batch.failedAgain(first.remaining(), Instant.now()));
        assertThat(second.done()).containsExactlyInAnyOrderElementsOf(batch.records());
        assertThat(deadLetters.letters).isEmpty();
        assertThat(standin.state().count(Models.REQUEST)).isEqualTo(2);
    }

    @Test
    void whenTheDeadLetterTopicDoesNotAcknowledgeTheRefusedRecordsAreRetried() throws Exception {
        BatchDelivery delivery = delivery();
        seedEquipmentAndProject();
        PendingRecord unknown = record(Topics.MAINTENANCE, MaintenanceTrigger.newBuilder(serviceDue).setEquipmentId("EX-9999").setTriggerId("t-x").build());
        PendingRecord good = record(Topics.MAINTENANCE, fault);
        deadLetters.failing = true;

        BatchOutcome outcome = delivery.deliver(batch(unknown, good));

        assertThat(outcome.done()).containsExactly(good);
        assertThat(outcome.remaining()).containsExactly(unknown);
        assertThat(outcome.needsRetry()).isTrue();
    }

    @Test
    void batchesPastTheRetryDeadlineAreDeadLetteredWithTheCause() throws Exception {
        BatchDelivery delivery = delivery();
        Batch batch = batch(record(Topics.MAINTENANCE, serviceDue));

        BatchOutcome outcome = delivery.expire(batch, "http.503: Odoo answered HTTP 503");

        assertThat(outcome.done()).containsExactlyElementsOf(batch.records());
        assertThat(deadLetters.letters).singleElement().satisfies(letter -> {
            assertThat(letter.reason()).isEqualTo("RETRY_DEADLINE");
            assertThat(letter.detail()).contains("http.503");
        });
    }

    @Test
    void anOdooThatIsDownLeavesTheWholeBatchToRetry() throws Exception {
        BatchDelivery delivery = delivery();
        Batch batch = batch(record(Topics.MAINTENANCE, serviceDue));
        standin.goDown();

        BatchOutcome outcome = delivery.deliver(batch);

        assertThat(outcome.needsRetry()).isTrue();
        assertThat(outcome.done()).isEmpty();
        assertThat(outcome.remaining()).containsExactlyElementsOf(batch.records());
    }
}
