package io.rigstream.topology.rules;

import static io.rigstream.topology.testing.Assignments.assignment;
import static io.rigstream.topology.testing.Assignments.contract;
import static org.assertj.core.api.Assertions.assertThat;

import io.rigstream.schemas.ContractBasis;
import io.rigstream.schemas.Lamp;
import io.rigstream.topology.model.AssignmentHistory;
import io.rigstream.topology.model.EquipmentProfileSettings;
import io.rigstream.topology.model.FaultCode;
import io.rigstream.topology.model.FaultReport;
import io.rigstream.topology.model.Reading;
import io.rigstream.topology.testing.Telemetry;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The worked examples of rule 7, on the pure calculation (the topology tests repeat them end to end). */
class FiguresCalculatorTest {

    private static final long HOUR = 3_600_000;
    private static final LocalDate MONDAY = LocalDate.of(2024, 3, 4);
    private static final EquipmentProfileSettings PROFILE = EquipmentProfileSettings.DEFAULT;
    private static final FiguresCalculator.EarlierBillable NOTHING_EARLIER = (job, start, day) -> 0;

    private final FiguresCalculator calculator = new FiguresCalculator(new UsageSettings(15 * 60_000, 6 * 60_000, 120));

    private static long t(String instant) {
        return Instant.parse(instant).toEpochMilli();
    }

    private static AssignmentHistory onJob(ContractBasis basis, double allowance, double minimum) {
        return new AssignmentHistory(List.of(assignment("a1", "job-1", "2024-03-01T00:00:00Z", null, "Europe/Berlin",
                contract(basis, allowance, minimum, LocalDate.of(2024, 3, 1)))));
    }

    /** Hour meter readings: engine runs from {@code startUtc} for {@code hours}. */
    private static List<Reading> engineRuns(String startUtc, double meterBefore, double hours) {
        long start = t(startUtc);
        return List.of(Telemetry.at(start).meter(meterBefore).running(true).reading(),
                Telemetry.at(start + Math.round(hours * HOUR)).meter(meterBefore + hours).running(false).reading());
    }

    private JobDayFigures day(List<Reading> readings, List<FaultReport> reports, AssignmentHistory history,
            LocalDate day, FiguresCalculator.EarlierBillable earlier) {
        return calculator.jobDay(new ReadingSeries(readings), reports, history, PROFILE, "job-1", day, earlier)
                .orElseThrow();
    }

    @Test
    void dayBasisEngine9point5HoursOnMondayBills9point5WithOvertime1point5() {
        // Monday 07:00-16:30 Berlin (06:00-15:30 UTC)
        JobDayFigures monday = day(engineRuns("2024-03-04T06:00:00Z", 100.0, 9.5), List.of(),
                onJob(ContractBasis.DAY, 8, 0), MONDAY, NOTHING_EARLIER);
        assertThat(monday.usage().engineMs()).isEqualTo(Math.round(9.5 * HOUR));
        assertThat(monday.billableMs()).isEqualTo(Math.round(9.5 * HOUR));
        assertThat(monday.overtimeMs()).isEqualTo(Math.round(1.5 * HOUR));
        assertThat(monday.periodStart()).isEqualTo(MONDAY);
    }

    @Test
    void weekBasis9_9_9_9_6HoursGives2HoursOfWeeklyOvertime() {
        double[] hours = {9, 9, 9, 9, 6};
        List<Reading> readings = new ArrayList<>();
        double meter = 100;
        for (int d = 0; d < hours.length; d++) {
            readings.addAll(engineRuns(MONDAY.plusDays(d) + "T06:00:00Z", meter, hours[d]));
            meter += hours[d];
        }
        AssignmentHistory history = onJob(ContractBasis.WEEK, 40, 0);
        Map<LocalDate, Long> billed = new HashMap<>();
        FiguresCalculator.EarlierBillable earlier = (job, start, day) -> billed.entrySet().stream()
                .filter(e -> !e.getKey().isBefore(start) && e.getKey().isBefore(day)).mapToLong(Map.Entry::getValue).sum();
        long weeklyOvertime = 0;
        for (int d = 0; d < hours.length; d++) {
            JobDayFigures figures = day(readings, List.of(), history, MONDAY.plusDays(d), earlier);
            billed.put(figures.day(), figures.billableMs());
            weeklyOvertime += figures.overtimeMs();
            assertThat(figures.periodStart()).isEqualTo(MONDAY);
            assertThat(figures.overtimeMs()).isEqualTo(d < 4 ? 0 : 2 * HOUR);
        }
        assertThat(weeklyOvertime).isEqualTo(2 * HOUR);
    }

    @Test
    void minimum4HoursWithOneEngineHourOnTuesdayBills4Hours() {
        LocalDate tuesday = MONDAY.plusDays(1);
        JobDayFigures figures = day(engineRuns("2024-03-05T08:00:00Z", 100, 1.0), List.of(),
                onJob(ContractBasis.DAY, 8, 4), tuesday, NOTHING_EARLIER);
        assertThat(figures.shiftMs()).isEqualTo(10 * HOUR);
        assertThat(figures.availableMs()).isEqualTo(10 * HOUR);
        assertThat(figures.billableMs()).isEqualTo(4 * HOUR);
        assertThat(figures.standbyMs()).isEqualTo(9 * HOUR);
    }

    @Test
    void aRedFaultFrom9To17LeavesTwoAvailableHoursAndCapsTheMinimumThere() {
        LocalDate tuesday = MONDAY.plusDays(1);
        // engine 07:00-08:30 local, red fault reported at 09:00 local, cleared at 17:00 local
        List<FaultReport> faults = List.of(
                new FaultReport(t("2024-03-05T08:00:00Z"), List.of(new FaultCode(110, 0, Lamp.RED))),
                new FaultReport(t("2024-03-05T16:00:00Z"), List.of()));
        JobDayFigures figures = day(engineRuns("2024-03-05T06:00:00Z", 100, 1.5), faults,
                onJob(ContractBasis.DAY, 8, 4), tuesday, NOTHING_EARLIER);
        assertThat(figures.downtimeMs()).isEqualTo(8 * HOUR);
        assertThat(figures.availableMs()).isEqualTo(2 * HOUR);
        assertThat(figures.billableMs()).isEqualTo(2 * HOUR);
    }

    @Test
    void withoutDowntimeCreditTheMinimumIgnoresDowntime() {
        LocalDate tuesday = MONDAY.plusDays(1);
        List<FaultReport> faults = List.of(
                new FaultReport(t("2024-03-05T08:00:00Z"), List.of(new FaultCode(110, 0, Lamp.RED))),
                new FaultReport(t("2024-03-05T16:00:00Z"), List.of()));
        AssignmentHistory history = new AssignmentHistory(List.of(assignment("a1", "job-1", "2024-03-01T00:00:00Z",
                null, "Europe/Berlin", new io.rigstream.topology.model.Contract(ContractBasis.DAY, 8, 4, false,
                        LocalDate.of(2024, 3, 1)))));
        JobDayFigures figures = day(engineRuns("2024-03-05T06:00:00Z", 100, 1.5), faults, history, tuesday,
                NOTHING_EARLIER);
        assertThat(figures.downtimeMs()).isEqualTo(8 * HOUR);
        assertThat(figures.availableMs()).isEqualTo(10 * HOUR);
        assertThat(figures.billableMs()).isEqualTo(4 * HOUR);
    }

    @Test
    void onAWeekendDayOnlyEngineHoursAreBilled() {
        LocalDate saturday = MONDAY.plusDays(5);
        JobDayFigures figures = day(engineRuns("2024-03-09T08:00:00Z", 100, 1.0), List.of(),
                onJob(ContractBasis.DAY, 8, 4), saturday, NOTHING_EARLIER);
        assertThat(figures.shiftMs()).isZero();
        assertThat(figures.billableMs()).isEqualTo(HOUR);
    }

    @Test
    void usageAfterATransferGoesToTheNewJob() {
        AssignmentHistory history = new AssignmentHistory(List.of(
                assignment("a1", "job-1", "2024-03-01T00:00:00Z", "2024-03-04T11:00:00Z", "Europe/Berlin",
                        contract(ContractBasis.DAY, 8, 0, LocalDate.of(2024, 3, 1))),
                assignment("a2", "job-2", "2024-03-04T11:00:00Z", null, "Europe/Berlin",
                        contract(ContractBasis.DAY, 8, 0, LocalDate.of(2024, 3, 4)))));
        ReadingSeries series = new ReadingSeries(engineRuns("2024-03-04T08:00:00Z", 100, 6.0));
        JobDayFigures job1 = calculator.jobDay(series, List.of(), history, PROFILE, "job-1", MONDAY, NOTHING_EARLIER).orElseThrow();
        JobDayFigures job2 = calculator.jobDay(series, List.of(), history, PROFILE, "job-2", MONDAY, NOTHING_EARLIER).orElseThrow();
        assertThat(job1.usage().engineMs()).isEqualTo(3 * HOUR);
        assertThat(job2.usage().engineMs()).isEqualTo(3 * HOUR);
        assertThat(job1.shiftMs()).isEqualTo(5 * HOUR);
        assertThat(job2.shiftMs()).isEqualTo(5 * HOUR);
    }

    @Test
    void aJobWithoutAnAssignmentThatDayHasNoFigures() {
        assertThat(calculator.jobDay(new ReadingSeries(List.of()), List.of(), onJob(ContractBasis.DAY, 8, 0), PROFILE,
                "job-1", LocalDate.of(2024, 2, 20), NOTHING_EARLIER)).isEmpty();
    }

    @Test
    void equipmentWindowsReportDowntimeOnlyInsideShiftHours() {
        List<FaultReport> faults = List.of(
                new FaultReport(t("2024-03-04T15:00:00Z"), List.of(new FaultCode(110, 0, Lamp.RED))),
                new FaultReport(t("2024-03-04T20:00:00Z"), List.of()));
        WindowFigures figures = calculator.equipmentWindow(new ReadingSeries(List.of()), faults,
                onJob(ContractBasis.DAY, 8, 0), PROFILE, SiteCalendar.day(MONDAY, java.time.ZoneId.of("Europe/Berlin")));
        assertThat(figures.shiftMs()).isEqualTo(10 * HOUR);
        assertThat(figures.downtimeMs()).isEqualTo(HOUR);
        assertThat(figures.availableMs()).isEqualTo(9 * HOUR);
        assertThat(figures.jobId()).isEqualTo("job-1");
    }
}
