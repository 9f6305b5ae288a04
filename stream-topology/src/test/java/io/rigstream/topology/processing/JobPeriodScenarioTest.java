package io.rigstream.topology.processing;

import static io.rigstream.topology.testing.TopologyHarness.assignment;
import static org.assertj.core.api.Assertions.assertThat;

import io.rigstream.schemas.ContractBasis;
import io.rigstream.schemas.JobUsagePeriod;
import io.rigstream.schemas.topics.Topics;
import io.rigstream.topology.testing.Telemetry;
import io.rigstream.topology.testing.TopologyHarness;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * Rule 7 per basis period, end to end: the {@code rigstream.job.usage.period} records. The site is in Berlin (UTC+1
 * in March, UTC+2 from 31 March), shifts Monday-Friday 07:00-17:00; 4 March 2024 is a Monday. Every expected value is
 * worked out in the comments.
 */
class JobPeriodScenarioTest {

    private static final String MONDAY = "2024-03-04";

    /** Engine runs {@code hours} from {@code startUtc}, shown by the hour meter. */
    private static Telemetry[] run(String startUtc, double meterBefore, double hours) {
        Instant start = Instant.parse(startUtc);
        return new Telemetry[] {
            Telemetry.reading("acme", "ex-1", start).meter(meterBefore).running(true),
            Telemetry.reading("acme", "ex-1", start.plusSeconds(Math.round(hours * 3600))).meter(meterBefore + hours).running(false)
        };
    }

    /** Runs of {@code hours[d]} from 07:00 Berlin on the days from 4 March on, the meter continuing from 500 h. */
    private static void week(TopologyHarness h, double... hours) {
        double meter = 500;
        for (int d = 0; d < hours.length; d++) {
            h.send(run("2024-03-0" + (4 + d) + "T06:00:00Z", meter, hours[d]));
            meter += hours[d];
        }
    }

    @Test
    void aDayBasisPeriodIsTheDayItself() {
        try (TopologyHarness h = new TopologyHarness("2024-03-04T05:00:00Z")) {
            h.assign(assignment("a1", "ex-1", "job-1", "2024-03-04T00:00:00Z", null, ContractBasis.DAY, 8, 0));
            h.send(run("2024-03-04T06:00:00Z", 100, 9.5));
            h.advance(Duration.ofDays(2));

            JobUsagePeriod monday = h.jobPeriod("job-1", "ex-1", ContractBasis.DAY, MONDAY);
            assertThat(monday.getPeriodStart()).isEqualTo(LocalDate.parse(MONDAY));
            assertThat(monday.getPeriodEnd()).isEqualTo(LocalDate.parse(MONDAY));
            assertThat(monday.getDaysCounted()).isEqualTo(1);
            // billable 9.5 against the day's 8 h: 1.5 h over
            assertThat(monday.getBillableHours()).isEqualTo(9.5);
            assertThat(monday.getAllowanceHours()).isEqualTo(8.0);
            assertThat(monday.getOvertimeHours()).isEqualTo(1.5);
            assertThat(monday.getRevision()).isEqualTo(1);
        }
    }

    @Test
    void aWeekOf9_9_9_9_6HoursIs42BillableHoursWith2HoursOvertime() {
        try (TopologyHarness h = new TopologyHarness("2024-03-04T05:00:00Z")) {
            h.assign(assignment("a1", "ex-1", "job-1", "2024-03-04T00:00:00Z", null, ContractBasis.WEEK, 40, 0));
            week(h, 9, 9, 9, 9, 6);
            // Sunday 10 March ends at 23:00 UTC; with 2 h of grace the whole week is closed on Monday 11 at 01:00 UTC
            h.advance(Duration.ofDays(7));

            JobUsagePeriod week = h.jobPeriod("job-1", "ex-1", ContractBasis.WEEK, MONDAY);
            assertThat(week.getTenant()).isEqualTo("acme");
            assertThat(week.getPeriodEnd()).isEqualTo(LocalDate.parse("2024-03-10"));
            assertThat(week.getSiteTimeZone()).isEqualTo("Europe/Berlin");
            // Monday to Sunday, all assigned
            assertThat(week.getDaysCounted()).isEqualTo(7);
            assertThat(week.getLastDay()).isEqualTo(LocalDate.parse("2024-03-10"));
            // 9 + 9 + 9 + 9 + 6 = 42 engine hours, all billable (no minimum), none idle (no speed or load sent)
            assertThat(week.getEngineHours()).isEqualTo(42.0);
            assertThat(week.getIdleHours()).isEqualTo(0.0);
            assertThat(week.getWorkingHours()).isEqualTo(42.0);
            assertThat(week.getBillableHours()).isEqualTo(42.0);
            // 42 against the week's 40: 2 h over
            assertThat(week.getAllowanceHours()).isEqualTo(40.0);
            assertThat(week.getOvertimeHours()).isEqualTo(2.0);
            // five 10 h shifts, nothing down; standby 1 + 1 + 1 + 1 + 4 = 8
            assertThat(week.getShiftHours()).isEqualTo(50.0);
            assertThat(week.getAvailableHours()).isEqualTo(50.0);
            assertThat(week.getDowntimeHours()).isEqualTo(0.0);
            assertThat(week.getStandbyHours()).isEqualTo(8.0);
            // the week's days join it on basis and first day
            assertThat(h.jobDay("job-1", "ex-1", "2024-03-08").getPeriodStart()).isEqualTo(week.getPeriodStart());
            assertThat(h.jobDay("job-1", "ex-1", "2024-03-08").getBasis()).isEqualTo(week.getBasis());
        }
    }

    @Test
    void aPeriodBasisSplitsAtTwentyEightDaysFromTheContractStart() {
        try (TopologyHarness h = new TopologyHarness("2024-03-04T05:00:00Z",
                b -> b.latenessHorizon(Duration.ofDays(40)))) {
            // allowance 20 h per 28 days from Monday 4 March: 4-31 March, then 1-28 April
            h.assign(assignment("a1", "ex-1", "job-1", "2024-03-04T00:00:00Z", null, ContractBasis.PERIOD, 20, 0));
            week(h, 6, 6, 6, 6);
            // Monday 1 April 08:00-11:00 Berlin (UTC+2 by then)
            h.send(run("2024-04-01T06:00:00Z", 524, 3));
            // Monday 1 April ends 22:00 UTC, closed at 00:00 UTC on the 2nd
            h.advance(Duration.between(Instant.parse("2024-03-04T05:00:00Z"), Instant.parse("2024-04-02T05:00:00Z")));

            JobUsagePeriod march = h.jobPeriod("job-1", "ex-1", ContractBasis.PERIOD, MONDAY);
            assertThat(march.getPeriodEnd()).isEqualTo(LocalDate.parse("2024-03-31"));
            assertThat(march.getDaysCounted()).isEqualTo(28);
            // 6 + 6 + 6 + 6 = 24 engine and billable hours; 24 - 20 = 4 h over
            assertThat(march.getEngineHours()).isEqualTo(24.0);
            assertThat(march.getBillableHours()).isEqualTo(24.0);
            assertThat(march.getAllowanceHours()).isEqualTo(20.0);
            assertThat(march.getOvertimeHours()).isEqualTo(4.0);
            // weekdays 4-8, 11-15, 18-22, 25-29 March: 20 shifts of 10 h; standby 4 x (10 - 6) + 16 x 10 = 176
            assertThat(march.getShiftHours()).isEqualTo(200.0);
            assertThat(march.getStandbyHours()).isEqualTo(176.0);

            JobUsagePeriod april = h.jobPeriod("job-1", "ex-1", ContractBasis.PERIOD, "2024-04-01");
            assertThat(april.getPeriodEnd()).isEqualTo(LocalDate.parse("2024-04-28"));
            // only 1 April is closed; its 3 h start the new allowance from zero
            assertThat(april.getDaysCounted()).isEqualTo(1);
            assertThat(april.getLastDay()).isEqualTo(LocalDate.parse("2024-04-01"));
            assertThat(april.getBillableHours()).isEqualTo(3.0);
            assertThat(april.getOvertimeHours()).isEqualTo(0.0);
            assertThat(april.getStandbyHours()).isEqualTo(7.0);
        }
    }

    @Test
    void aLateReadingRevisingAClosedWeekReEmitsItWithAHigherRevision() {
        try (TopologyHarness h = new TopologyHarness("2024-03-04T05:00:00Z")) {
            h.assign(assignment("a1", "ex-1", "job-1", "2024-03-04T00:00:00Z", null, ContractBasis.WEEK, 40, 0));
            week(h, 9, 9, 9, 9);
            h.advance(Duration.ofDays(7));
            JobUsagePeriod closed = h.jobPeriod("job-1", "ex-1", ContractBasis.WEEK, MONDAY);
            // 4 x 9 = 36 within the 40 h allowance
            assertThat(closed.getBillableHours()).isEqualTo(36.0);
            assertThat(closed.getOvertimeHours()).isEqualTo(0.0);
            int emissions = h.records(Topics.JOB_USAGE_PERIOD).size();

            // Friday's 6 h arrive after the week closed (the gateway was offline): meter 536 -> 542
            h.send(run("2024-03-08T06:00:00Z", 536, 6));
            h.advance(Duration.ofSeconds(30));

            JobUsagePeriod revised = h.jobPeriod("job-1", "ex-1", ContractBasis.WEEK, MONDAY);
            // 36 + 6 = 42: 2 h over the 40
            assertThat(revised.getBillableHours()).isEqualTo(42.0);
            assertThat(revised.getOvertimeHours()).isEqualTo(2.0);
            assertThat(revised.getDaysCounted()).isEqualTo(7);
            assertThat(revised.getRevision()).isGreaterThan(closed.getRevision());
            // one new record for the one punctuation that revised Friday
            assertThat(h.records(Topics.JOB_USAGE_PERIOD)).hasSize(emissions + 1);
            assertThat(h.jobDay("job-1", "ex-1", "2024-03-08").getRevision()).isEqualTo(2);
        }
    }

    @Test
    void aPeriodWhoseDaysMovedToAnotherBasisIsReEmittedEmpty() {
        try (TopologyHarness h = new TopologyHarness("2024-03-04T05:00:00Z")) {
            h.assign(assignment("a1", "ex-1", "job-1", "2024-03-04T00:00:00Z", null, ContractBasis.WEEK, 40, 0));
            week(h, 9, 9, 9, 9, 6);
            h.advance(Duration.ofDays(7));
            int weekRevision = h.jobPeriod("job-1", "ex-1", ContractBasis.WEEK, MONDAY).getRevision();

            // the contract is corrected to a daily allowance of 8 h
            h.assign(assignment("a1", "ex-1", "job-1", "2024-03-04T00:00:00Z", null, ContractBasis.DAY, 8, 0));
            h.advance(Duration.ofSeconds(30));

            JobUsagePeriod week = h.jobPeriod("job-1", "ex-1", ContractBasis.WEEK, MONDAY);
            assertThat(week.getRevision()).isGreaterThan(weekRevision);
            assertThat(week.getDaysCounted()).isZero();
            assertThat(week.getLastDay()).isNull();
            assertThat(week.getBillableHours()).isEqualTo(0.0);
            assertThat(week.getOvertimeHours()).isEqualTo(0.0);
            // each day is now its own period: 9 h against 8 is 1 h over, Friday's 6 h none
            assertThat(h.jobPeriod("job-1", "ex-1", ContractBasis.DAY, "2024-03-05").getOvertimeHours()).isEqualTo(1.0);
            assertThat(h.jobPeriod("job-1", "ex-1", ContractBasis.DAY, "2024-03-08").getOvertimeHours()).isEqualTo(0.0);
            assertThat(h.jobPeriod("job-1", "ex-1", ContractBasis.DAY, "2024-03-10").getDaysCounted()).isEqualTo(1);
        }
    }
}
