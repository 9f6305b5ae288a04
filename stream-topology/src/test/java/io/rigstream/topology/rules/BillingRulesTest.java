package io.rigstream.topology.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.rigstream.schemas.ContractBasis;
import io.rigstream.topology.model.Contract;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class BillingRulesTest {

    private static long h(double hours) {
        return BillingRules.hoursToMs(hours);
    }

    @Test
    void onAShiftDayTheMinimumAppliesButNotBeyondWhatWasAvailable() {
        assertThat(BillingRules.billableMs(h(1.0), h(10.0), h(4.0), true)).isEqualTo(h(4.0));
        assertThat(BillingRules.billableMs(h(1.5), h(2.0), h(4.0), true)).isEqualTo(h(2.0));
        assertThat(BillingRules.billableMs(h(9.5), h(10.0), h(4.0), true)).isEqualTo(h(9.5));
    }

    @Test
    void offShiftOnlyEngineHoursAreBillable() {
        assertThat(BillingRules.billableMs(h(1.0), 0, h(4.0), false)).isEqualTo(h(1.0));
    }

    @Test
    void overtimeIsWhatGoesAboveTheAllowanceOfThePeriod() {
        assertThat(BillingRules.overtimeMs(h(8), 0, h(9.5))).isEqualTo(h(1.5));
        assertThat(BillingRules.overtimeMs(h(40), h(36), h(6))).isEqualTo(h(2));
        assertThat(BillingRules.overtimeMs(h(40), h(45), h(6))).isEqualTo(h(6));
        assertThat(BillingRules.overtimeMs(h(40), h(10), h(6))).isZero();
    }

    @Test
    void periodsStartOnTheDayTheIsoWeeksMondayOrEvery28DaysFromTheContractStart() {
        LocalDate start = LocalDate.of(2024, 2, 14);
        LocalDate day = LocalDate.of(2024, 3, 15);
        assertThat(BillingRules.periodStart(new Contract(ContractBasis.DAY, 8, 0, true, start), day)).isEqualTo(day);
        assertThat(BillingRules.periodStart(new Contract(ContractBasis.WEEK, 40, 0, true, start), day))
                .isEqualTo(LocalDate.of(2024, 3, 11));
        assertThat(BillingRules.periodStart(new Contract(ContractBasis.PERIOD, 160, 0, true, start), day))
                .isEqualTo(LocalDate.of(2024, 3, 13));
        assertThat(BillingRules.periodStart(new Contract(ContractBasis.PERIOD, 160, 0, true, start), LocalDate.of(2024, 3, 12)))
                .isEqualTo(start);
    }

    @Test
    void periodsEndOnTheDayTheSundayOrThe28thDay() {
        LocalDate monday = LocalDate.of(2024, 3, 4);
        assertThat(BillingRules.periodEnd(ContractBasis.DAY, monday)).isEqualTo(monday);
        assertThat(BillingRules.periodEnd(ContractBasis.WEEK, monday)).isEqualTo(LocalDate.of(2024, 3, 10));
        // 4 March + 27 days; the next period starts on 1 April
        assertThat(BillingRules.periodEnd(ContractBasis.PERIOD, monday)).isEqualTo(LocalDate.of(2024, 3, 31));
    }
}
