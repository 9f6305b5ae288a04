package io.rigstream.topology.processing;

import static io.rigstream.topology.testing.TopologyHarness.assignment;
import static org.assertj.core.api.Assertions.assertThat;

import io.rigstream.schemas.ContractBasis;
import io.rigstream.schemas.EquipmentUsage;
import io.rigstream.schemas.JobUsageDaily;
import io.rigstream.schemas.topics.Topics;
import io.rigstream.topology.testing.Telemetry;
import io.rigstream.topology.testing.TopologyHarness;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Rule 4: order independence, closing days in stream time and by wall clock, revisions; attribution by device time. */
class LateDataScenarioTest {

    private static Telemetry at(String instant) {
        return Telemetry.reading("acme", "ex-1", instant);
    }

    @Test
    void aDayClosesWhenStreamTimePassesItsEndPlusTheGrace() {
        // the wall clock stays before the data: only stream time can close days here
        try (TopologyHarness h = new TopologyHarness("2024-03-01T00:00:00Z")) {
            h.send(at("2024-03-04T08:00:00Z").meter(10), at("2024-03-04T09:00:00Z").meter(11));
            // Berlin's Monday ends at 23:00 UTC; with 2 h of grace it closes at 01:00 UTC
            h.send(at("2024-03-05T00:59:00Z").meter(11));
            h.advance(Duration.ofSeconds(30));
            assertThat(h.latest(Topics.USAGE_DAILY)).doesNotContainKey("acme/ex-1/2024-03-04");

            h.send(at("2024-03-05T01:00:00Z").meter(11));
            h.advance(Duration.ofSeconds(30));
            assertThat(h.equipmentDay("ex-1", "2024-03-04").getEngineHours()).isEqualTo(1.0);
        }
    }

    @Test
    void aPartitionWhoseGatewaysFellSilentStillClosesItsDayByTheWallClock() {
        try (TopologyHarness h = new TopologyHarness("2024-03-04T08:00:00Z")) {
            h.send(at("2024-03-04T08:00:00Z").meter(10), at("2024-03-04T09:00:00Z").meter(11));
            // nothing more arrives; at 00:59 UTC the day is not due, at 01:00 it is
            h.advance(Duration.between(Instant.parse("2024-03-04T08:00:00Z"), Instant.parse("2024-03-05T00:59:00Z")));
            assertThat(h.latest(Topics.USAGE_DAILY)).doesNotContainKey("acme/ex-1/2024-03-04");
            h.advance(Duration.ofMinutes(1));
            assertThat(h.equipmentDay("ex-1", "2024-03-04").getEngineHours()).isEqualTo(1.0);
            assertThat(h.equipmentDay("ex-1", "2024-03-04").getRevision()).isEqualTo(1);
        }
    }

    @Test
    void lateDataChangingAClosedDayIsReEmittedWithAHigherRevision() {
        try (TopologyHarness h = new TopologyHarness("2024-03-04T05:00:00Z")) {
            h.assign(assignment("a1", "ex-1", "job-1", "2024-03-04T00:00:00Z", null, ContractBasis.DAY, 8, 0));
            h.send(at("2024-03-04T08:00:00Z").meter(10), at("2024-03-04T09:00:00Z").meter(11));
            h.advance(Duration.ofDays(2));
            assertThat(h.jobDay("job-1", "ex-1", "2024-03-04").getEngineHours()).isEqualTo(1.0);

            h.send(at("2024-03-04T11:00:00Z").meter(12.5));
            h.advance(Duration.ofSeconds(30));

            JobUsageDaily revised = h.jobDay("job-1", "ex-1", "2024-03-04");
            assertThat(revised.getEngineHours()).isEqualTo(2.5);
            assertThat(revised.getRevision()).isEqualTo(2);
            assertThat(h.equipmentDay("ex-1", "2024-03-04").getRevision()).isEqualTo(2);
            // Tuesday did not change: no revision for it
            assertThat(h.jobDay("job-1", "ex-1", "2024-03-05").getRevision()).isEqualTo(1);
        }
    }

    @Test
    void aLateEngineReportRevisesTheNextDayItsStateCarriesInto() {
        try (TopologyHarness h = new TopologyHarness("2024-03-04T05:00:00Z")) {
            // Berlin 23:55 Monday and 00:10 Tuesday, without an engine state
            h.send(at("2024-03-04T22:55:00Z").position(52, 13), at("2024-03-04T23:10:00Z").position(52, 13));
            h.advance(Duration.ofDays(2));
            assertThat(h.equipmentDay("ex-1", "2024-03-05").getUnknownHours()).isEqualTo(10 / 60.0);

            // 23:40 Monday: running, and that state carries to the 23:55 reading, 15 minutes later
            h.send(at("2024-03-04T22:40:00Z").running(true));
            h.advance(Duration.ofSeconds(30));
            assertThat(h.equipmentDay("ex-1", "2024-03-05").getEngineHours()).isEqualTo(10 / 60.0);
            assertThat(h.equipmentDay("ex-1", "2024-03-05").getRevision()).isEqualTo(2);
        }
    }

    @Test
    void lateDataThatChangesNothingIsNotReEmitted() {
        try (TopologyHarness h = new TopologyHarness("2024-03-04T05:00:00Z")) {
            h.send(at("2024-03-04T08:00:00Z").meter(10), at("2024-03-04T10:00:00Z").meter(12));
            h.advance(Duration.ofDays(2));
            int emitted = h.records(Topics.USAGE_DAILY).size();
            // a reading in between on the meter's line changes no figure
            h.send(at("2024-03-04T09:00:00Z").meter(11));
            h.advance(Duration.ofSeconds(30));
            assertThat(h.records(Topics.USAGE_DAILY)).hasSize(emitted);
        }
    }

    @Test
    void anyDeliveryOrderGivesTheFiguresOfInOrderDelivery() {
        List<Telemetry> readings = new ArrayList<>();
        Instant start = Instant.parse("2024-03-04T06:00:00Z");
        Random random = new Random(42);
        double meter = 100;
        for (int i = 0; i < 60; i++) {
            boolean running = random.nextInt(3) > 0;
            readings.add(Telemetry.reading("acme", "ex-1", start.plusSeconds(600L * i)).seq(i).running(running)
                    .speed(random.nextInt(3)).load(random.nextInt(50)).fuel(80 - i * 0.3).tank(300)
                    .position(52 + i * 0.001, 13).faults(i % 17 == 5 ? new io.rigstream.schemas.Fault[] {Telemetry.red(1, 1)}
                            : new io.rigstream.schemas.Fault[0]));
        }
        Map<String, JobUsageDaily> inOrder = jobDays(readings);
        List<Telemetry> shuffled = new ArrayList<>(readings);
        Collections.shuffle(shuffled, new Random(7));
        shuffled.addAll(readings.subList(10, 20));
        Map<String, JobUsageDaily> outOfOrder = jobDays(shuffled);
        assertThat(withoutRevisions(outOfOrder)).isEqualTo(withoutRevisions(inOrder));
        assertThat(inOrder.get("acme/job-1/ex-1/2024-03-04").getEngineHours()).isPositive();
    }

    private static Map<String, JobUsageDaily> jobDays(List<Telemetry> readings) {
        try (TopologyHarness h = new TopologyHarness("2024-03-04T05:00:00Z")) {
            h.assign(assignment("a1", "ex-1", "job-1", "2024-03-04T00:00:00Z", null, ContractBasis.DAY, 8, 4));
            for (int i = 0; i < readings.size(); i++) {
                h.send(readings.get(i));
                if (i % 20 == 19) {
                    // a punctuation mid-stream: early emissions that later data must revise
                    h.advance(Duration.ofHours(8));
                }
            }
            h.advance(Duration.ofDays(3));
            return h.latest(Topics.JOB_USAGE_DAILY);
        }
    }

    private static Map<String, String> withoutRevisions(Map<String, JobUsageDaily> days) {
        Map<String, String> figures = new java.util.TreeMap<>();
        days.forEach((key, day) -> figures.put(key, JobUsageDaily.newBuilder(day).setRevision(0).build().toString()));
        return figures;
    }

    @Test
    void lateDataAfterATransferLandsOnTheJobItWasRecordedOn() {
        try (TopologyHarness h = new TopologyHarness("2024-03-04T05:00:00Z")) {
            h.assign(assignment("a1", "ex-1", "job-1", "2024-03-01T00:00:00Z", "2024-03-04T12:00:00Z", ContractBasis.DAY, 8, 0));
            h.assign(assignment("a2", "ex-1", "job-2", "2024-03-04T12:00:00Z", null, ContractBasis.DAY, 8, 0));
            h.send(at("2024-03-04T10:00:00Z").meter(50), at("2024-03-04T12:00:00Z").meter(51),
                    at("2024-03-04T14:00:00Z").meter(53));
            // recorded on job-1 before the transfer, delivered after it
            h.send(at("2024-03-04T11:00:00Z").meter(50.25));
            h.advance(Duration.ofDays(2));

            assertThat(h.jobDay("job-1", "ex-1", "2024-03-04").getEngineHours()).isEqualTo(1.0);
            assertThat(h.jobDay("job-2", "ex-1", "2024-03-04").getEngineHours()).isEqualTo(2.0);
            // job-1 had the shift 07:00-13:00 Berlin, job-2 13:00-17:00
            assertThat(h.jobDay("job-1", "ex-1", "2024-03-04").getShiftHours()).isEqualTo(6.0);
            assertThat(h.jobDay("job-2", "ex-1", "2024-03-04").getShiftHours()).isEqualTo(4.0);
        }
    }

    @Test
    void anAssignmentLoadedAfterTheReadingsAttributesThemToItsJob() {
        try (TopologyHarness h = new TopologyHarness("2024-03-04T05:00:00Z")) {
            h.send(at("2024-03-04T08:00:00Z").meter(10), at("2024-03-04T11:00:00Z").meter(13));
            h.advance(Duration.ofDays(2));
            assertThat(h.latest(Topics.JOB_USAGE_DAILY)).isEmpty();
            assertThat(h.equipmentDay("ex-1", "2024-03-04").getJobId()).isNull();

            h.assign(assignment("a1", "ex-1", "job-1", "2024-03-04T00:00:00Z", null, ContractBasis.DAY, 8, 0));
            h.advance(Duration.ofSeconds(30));

            assertThat(h.jobDay("job-1", "ex-1", "2024-03-04").getEngineHours()).isEqualTo(3.0);
            EquipmentUsage day = h.equipmentDay("ex-1", "2024-03-04");
            assertThat(day.getJobId()).isEqualTo("job-1");
            assertThat(day.getAvailableHours()).isEqualTo(10.0);
            assertThat(day.getRevision()).isEqualTo(2);
        }
    }

    @Test
    void aWithdrawnAssignmentEmptiesTheDaysItHadBilled() {
        try (TopologyHarness h = new TopologyHarness("2024-03-04T05:00:00Z")) {
            h.assign(assignment("a1", "ex-1", "job-1", "2024-03-04T00:00:00Z", null, ContractBasis.DAY, 8, 4));
            h.send(at("2024-03-04T08:00:00Z").meter(10), at("2024-03-04T11:00:00Z").meter(13));
            h.advance(Duration.ofDays(2));
            assertThat(h.jobDay("job-1", "ex-1", "2024-03-04").getBillableHours()).isEqualTo(4.0);

            h.unassign("a1");
            h.advance(Duration.ofSeconds(30));

            JobUsageDaily withdrawn = h.jobDay("job-1", "ex-1", "2024-03-04");
            assertThat(withdrawn.getBillableHours()).isEqualTo(0.0);
            assertThat(withdrawn.getEngineHours()).isEqualTo(0.0);
            assertThat(withdrawn.getRevision()).isEqualTo(2);
        }
    }
}
