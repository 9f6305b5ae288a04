package io.rigstream.simulator.truth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import io.rigstream.schemas.ContractBasis;
import io.rigstream.schemas.ContractTerms;
import io.rigstream.schemas.EquipmentAssignment;
import io.rigstream.schemas.ShiftCalendar;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The worked examples of issue 4, rule 7, against the truth's own billing code. 4 March 2024 is a Monday. */
class ContractBillingTest {

    private static final LocalDate MONDAY = LocalDate.of(2024, 3, 4);

    @Test
    void dayBasisBillsTheEngineHoursAndCountsOvertimeAboveTheAllowance() {
        DayUsageTruth monday = day(MONDAY, 9.5, 0);
        ContractBilling.apply(List.of(monday), List.of(assignment(new ContractTerms(ContractBasis.DAY, 8.0, 0.0, true, null))));
        assertThat(monday.shiftHours()).isEqualTo(10.0);
        assertThat(monday.billableHours()).isCloseTo(9.5, offset(1e-9));
        assertThat(monday.overtimeHours()).isCloseTo(1.5, offset(1e-9));
    }

    @Test
    void weekBasisCountsOvertimeOnlyOnceTheWeeksAllowanceIsUsedUp() {
        List<DayUsageTruth> week = new ArrayList<>();
        double[] engine = {9, 9, 9, 9, 6};
        for (int i = 0; i < engine.length; i++) {
            week.add(day(MONDAY.plusDays(i), engine[i], 0));
        }
        ContractBilling.apply(week, List.of(assignment(new ContractTerms(ContractBasis.WEEK, 40.0, 0.0, true, null))));
        assertThat(week).extracting(DayUsageTruth::overtimeHours).containsExactly(0.0, 0.0, 0.0, 0.0, 2.0);
    }

    @Test
    void minimumDailyHoursAreBilledOnAShiftDayWithLittleUse() {
        DayUsageTruth tuesday = day(MONDAY.plusDays(1), 1.0, 0);
        ContractBilling.apply(List.of(tuesday), List.of(assignment(new ContractTerms(ContractBasis.DAY, 8.0, 4.0, true, null))));
        assertThat(tuesday.billableHours()).isEqualTo(4.0);
        assertThat(tuesday.overtimeHours()).isZero();
    }

    @Test
    void downtimeReducesTheMinimumToTheAvailableHours() {
        DayUsageTruth tuesday = day(MONDAY.plusDays(1), 1.5, 8.0);
        ContractBilling.apply(List.of(tuesday), List.of(assignment(new ContractTerms(ContractBasis.DAY, 8.0, 4.0, true, null))));
        assertThat(tuesday.availableHours()).isEqualTo(2.0);
        assertThat(tuesday.billableHours()).isEqualTo(2.0);
    }

    @Test
    void aDayOffBillsOnlyTheEngineHoursWhateverTheMinimum() {
        DayUsageTruth saturday = day(MONDAY.plusDays(5), 0.5, 0);
        ContractBilling.apply(List.of(saturday), List.of(assignment(new ContractTerms(ContractBasis.DAY, 8.0, 4.0, true, null))));
        assertThat(saturday.shiftHours()).isZero();
        assertThat(saturday.billableHours()).isEqualTo(0.5);
    }

    @Test
    void periodBasisRunsTwentyEightDaysFromTheContractStart() {
        ContractTerms terms = new ContractTerms(ContractBasis.PERIOD, 20.0, 0.0, true, MONDAY);
        List<DayUsageTruth> days = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            days.add(day(MONDAY.plusDays(i), 6, 0));
        }
        DayUsageTruth nextPeriod = day(MONDAY.plusDays(28), 6, 0);
        days.add(nextPeriod);
        ContractBilling.apply(days, List.of(assignment(terms)));
        assertThat(days).extracting(DayUsageTruth::overtimeHours).containsExactly(0.0, 0.0, 0.0, 4.0, 0.0);
    }

    @Test
    void anAssignmentEndingInTheShiftLeavesOnlyTheShiftHoursBeforeIt() {
        EquipmentAssignment ending = EquipmentAssignment.newBuilder(assignment(new ContractTerms(ContractBasis.DAY, 8.0, 0.0, true, null)))
                .setValidTo(Instant.parse("2024-03-04T11:30:00Z")).build(); // 12:30 in Berlin: 5.5 h of the 07:00-17:00 shift
        assertThat(ContractBilling.shiftHoursInside(ending, MONDAY)).isCloseTo(5.5, offset(1e-9));
    }

    private static DayUsageTruth day(LocalDate date, double engine, double downtime) {
        DayUsageTruth day = new DayUsageTruth("J1", "EX-0001", date);
        day.add(engine, 0, 0, 0, downtime);
        return day;
    }

    private static EquipmentAssignment assignment(ContractTerms terms) {
        return EquipmentAssignment.newBuilder().setAssignmentId("acme/EX-0001/1").setTenant("acme").setEquipmentId("EX-0001")
                .setJobId("J1").setValidFrom(Instant.parse("2024-01-01T00:00:00Z")).setValidTo(null)
                .setSiteTimeZone("Europe/Berlin")
                .setShift(new ShiftCalendar(List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY"), "07:00", "17:00"))
                .setContract(terms).build();
    }
}
