package io.rigstream.topology.processing;

import static io.rigstream.topology.testing.TopologyHarness.assignment;
import static org.assertj.core.api.Assertions.assertThat;

import io.rigstream.schemas.ContractBasis;
import io.rigstream.schemas.EquipmentUsage;
import io.rigstream.schemas.JobUsageDaily;
import io.rigstream.topology.testing.Telemetry;
import io.rigstream.topology.testing.TopologyHarness;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Rule 7's worked examples, end to end. The site is in Berlin (UTC+1 in March), shifts Monday-Friday 07:00-17:00;
 * 4 March 2024 is a Monday. Every expected value is worked out in the comments from the rules.
 */
class BillingScenarioTest {

    private static final String MONDAY = "2024-03-04";

    /** Engine runs {@code hours} from {@code startUtc}, shown by the hour meter. */
    private static Telemetry[] run(String startUtc, double meterBefore, double hours) {
        Instant start = Instant.parse(startUtc);
        return new Telemetry[] {
            Telemetry.reading("acme", "ex-1", start).meter(meterBefore).running(true),
            Telemetry.reading("acme", "ex-1", start.plusSeconds(Math.round(hours * 3600))).meter(meterBefore + hours).running(false)
        };
    }

    @Test
    void dayBasisWith9point5EngineHoursOnMondayBills9point5With1point5Overtime() {
        try (TopologyHarness h = new TopologyHarness("2024-03-04T05:00:00Z")) {
            h.assign(assignment("a1", "ex-1", "job-1", "2024-03-04T00:00:00Z", null, ContractBasis.DAY, 8, 0));
            // 07:00-16:30 Berlin
            h.send(run("2024-03-04T06:00:00Z", 100, 9.5));
            h.advance(Duration.ofDays(2));

            JobUsageDaily monday = h.jobDay("job-1", "ex-1", MONDAY);
            assertThat(monday.getEngineHours()).isEqualTo(9.5);
            // billable = max(engine 9.5, min(minimum 0, available 10)) = 9.5; overtime = 9.5 - 8 = 1.5
            assertThat(monday.getBillableHours()).isEqualTo(9.5);
            assertThat(monday.getOvertimeHours()).isEqualTo(1.5);
            assertThat(monday.getShiftHours()).isEqualTo(10.0);
            assertThat(monday.getStandbyHours()).isEqualTo(0.5);
            assertThat(monday.getBasis()).isEqualTo(ContractBasis.DAY);
            assertThat(monday.getRevision()).isEqualTo(1);
        }
    }

    @Test
    void weekBasisWith9_9_9_9_6HoursGives2HoursOfWeeklyOvertimeOnFriday() {
        try (TopologyHarness h = new TopologyHarness("2024-03-04T05:00:00Z")) {
            h.assign(assignment("a1", "ex-1", "job-1", "2024-03-04T00:00:00Z", null, ContractBasis.WEEK, 40, 0));
            double[] hours = {9, 9, 9, 9, 6};
            double meter = 500;
            for (int d = 0; d < 5; d++) {
                h.send(run("2024-03-0" + (4 + d) + "T06:00:00Z", meter, hours[d]));
                meter += hours[d];
            }
            h.advance(Duration.ofDays(6));

            double weeklyOvertime = 0;
            for (int d = 0; d < 5; d++) {
                JobUsageDaily day = h.jobDay("job-1", "ex-1", "2024-03-0" + (4 + d));
                assertThat(day.getBillableHours()).isEqualTo(hours[d]);
                assertThat(day.getPeriodStart().toString()).isEqualTo(MONDAY);
                weeklyOvertime += day.getOvertimeHours();
            }
            // cumulative 9, 18, 27, 36 stay within 40; Friday's 6 h bring it to 42: 2 h over
            assertThat(h.jobDay("job-1", "ex-1", "2024-03-08").getOvertimeHours()).isEqualTo(2.0);
            assertThat(weeklyOvertime).isEqualTo(2.0);
        }
    }

    @Test
    void aMinimumOf4HoursBills4HoursForOneEngineHourOnTuesday() {
        try (TopologyHarness h = new TopologyHarness("2024-03-04T05:00:00Z")) {
            h.assign(assignment("a1", "ex-1", "job-1", "2024-03-04T00:00:00Z", null, ContractBasis.DAY, 8, 4));
            h.send(run("2024-03-05T08:00:00Z", 100, 1.0));
            h.advance(Duration.ofDays(2));

            JobUsageDaily tuesday = h.jobDay("job-1", "ex-1", "2024-03-05");
            assertThat(tuesday.getEngineHours()).isEqualTo(1.0);
            // shift 07:00-17:00 = 10 h, nothing down: available 10; billable = max(1, min(4, 10)) = 4
            assertThat(tuesday.getAvailableHours()).isEqualTo(10.0);
            assertThat(tuesday.getBillableHours()).isEqualTo(4.0);
            assertThat(tuesday.getOvertimeHours()).isEqualTo(0.0);
            assertThat(tuesday.getStandbyHours()).isEqualTo(9.0);
        }
    }

    @Test
    void aRedFaultFrom9To17LeavesTwoAvailableHoursAndCapsTheMinimumAtThem() {
        try (TopologyHarness h = new TopologyHarness("2024-03-04T05:00:00Z")) {
            h.assign(assignment("a1", "ex-1", "job-1", "2024-03-04T00:00:00Z", null, ContractBasis.DAY, 8, 4));
            // engine 07:00-08:30; red fault reported 09:00, reported cleared 17:00 (Berlin)
            h.send(run("2024-03-05T06:00:00Z", 100, 1.5));
            h.send(Telemetry.reading("acme", "ex-1", "2024-03-05T08:00:00Z").running(false).faults(Telemetry.red(110, 0)));
            h.send(Telemetry.reading("acme", "ex-1", "2024-03-05T16:00:00Z").running(false).faults());
            h.advance(Duration.ofDays(2));

            JobUsageDaily tuesday = h.jobDay("job-1", "ex-1", "2024-03-05");
            // downtime = fault 09:00-17:00 inside shift 07:00-17:00 = 8 h; available = 10 - 8 = 2
            assertThat(tuesday.getDowntimeHours()).isEqualTo(8.0);
            assertThat(tuesday.getAvailableHours()).isEqualTo(2.0);
            // billable = max(1.5, min(4, 2)) = 2; standby = 2 - 1.5 = 0.5
            assertThat(tuesday.getBillableHours()).isEqualTo(2.0);
            assertThat(tuesday.getEngineHours()).isEqualTo(1.5);
            assertThat(tuesday.getStandbyHours()).isEqualTo(0.5);

            EquipmentUsage equipmentDay = h.equipmentDay("ex-1", "2024-03-05");
            assertThat(equipmentDay.getDowntimeHours()).isEqualTo(8.0);
            assertThat(equipmentDay.getAvailableHours()).isEqualTo(2.0);
            // utilization = engine / available = 1.5 / 2
            assertThat(equipmentDay.getUtilizationPct()).isEqualTo(75.0);
        }
    }

    @Test
    void aPeriodBasisSumsTwentyEightDaysFromTheContractStart() {
        try (TopologyHarness h = new TopologyHarness("2024-03-04T05:00:00Z",
                b -> b.latenessHorizon(Duration.ofDays(30)))) {
            // allowance 20 h per 28-day period from Monday 4 March; 6 h on each of the first four weekdays
            h.assign(assignment("a1", "ex-1", "job-1", "2024-03-04T00:00:00Z", null, ContractBasis.PERIOD, 20, 0));
            double meter = 10;
            for (int d = 0; d < 4; d++) {
                h.send(run("2024-03-0" + (4 + d) + "T06:00:00Z", meter, 6));
                meter += 6;
            }
            h.advance(Duration.ofDays(5));
            // cumulative 6, 12, 18, 24: the fourth day's 6 h are 4 h over the 20 h allowance
            assertThat(h.jobDay("job-1", "ex-1", "2024-03-06").getOvertimeHours()).isEqualTo(0.0);
            assertThat(h.jobDay("job-1", "ex-1", "2024-03-07").getOvertimeHours()).isEqualTo(4.0);
            assertThat(h.jobDay("job-1", "ex-1", "2024-03-07").getPeriodStart().toString()).isEqualTo(MONDAY);
        }
    }
}
