package io.rigstream.topology.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.rigstream.schemas.ContractBasis;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class JobPeriodFiguresTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final LocalDate MONDAY = LocalDate.of(2024, 3, 4);

    private static long h(double hours) {
        return BillingRules.hoursToMs(hours);
    }

    /** A WEEK day of 40 h allowance with a 10 h shift, engine = billable, and the overtime given. */
    private static JobDayFigures weekDay(int offset, double engine, double overtime) {
        Usage usage = new Usage(h(engine), h(1), 0, 50_000, 2_000, Set.of(UsageFlag.GPS_JUMP));
        return new JobDayFigures("job-1", MONDAY.plusDays(offset), BERLIN, usage, h(10), 0, h(10), h(engine),
                h(overtime), h(40), ContractBasis.WEEK, MONDAY);
    }

    @Test
    void aWeekSumsItsDaysAndItsOvertimeIsTheSumOfTheDays() {
        // 9, 9, 9, 9, 6: the days' overtime 0, 0, 0, 0, 2 (rule 7, worked example 2)
        JobPeriodFigures week = JobPeriodFigures.of("job-1", ContractBasis.WEEK, MONDAY, BERLIN, List.of(
                weekDay(0, 9, 0), weekDay(1, 9, 0), weekDay(2, 9, 0), weekDay(3, 9, 0), weekDay(4, 6, 2)));

        assertThat(week.daysCounted()).isEqualTo(5);
        assertThat(week.lastDay()).isEqualTo(LocalDate.of(2024, 3, 8));
        assertThat(week.periodEnd()).isEqualTo(LocalDate.of(2024, 3, 10));
        assertThat(week.usage().engineMs()).isEqualTo(h(42));
        assertThat(week.usage().idleMs()).isEqualTo(h(5));
        // 5 x 50 l, 5 x 2 km; flags describe readings and stay on the days
        assertThat(week.usage().fuelMl()).isEqualTo(250_000);
        assertThat(week.usage().distanceM()).isEqualTo(10_000);
        assertThat(week.usage().flags()).isEmpty();
        assertThat(week.billableMs()).isEqualTo(h(42));
        assertThat(week.allowanceMs()).isEqualTo(h(40));
        assertThat(week.overtimeMs()).isEqualTo(h(2));
        assertThat(week.shiftMs()).isEqualTo(h(50));
        // standby per day: 1, 1, 1, 1, 4
        assertThat(week.standbyMs()).isEqualTo(h(8));
    }

    @Test
    void withdrawnDaysAndDaysOfAnotherPeriodAreLeftOut() {
        JobDayFigures withdrawn = weekDay(1, 9, 0).cleared();
        JobDayFigures otherBasis = new JobDayFigures("job-1", MONDAY.plusDays(2), BERLIN, Usage.NONE, h(10), 0, h(10),
                h(8), 0, h(8), ContractBasis.DAY, MONDAY.plusDays(2));
        JobDayFigures nextWeek = new JobDayFigures("job-1", MONDAY.plusDays(7), BERLIN, Usage.NONE, h(10), 0, h(10),
                h(8), 0, h(40), ContractBasis.WEEK, MONDAY.plusDays(7));

        JobPeriodFigures week = JobPeriodFigures.of("job-1", ContractBasis.WEEK, MONDAY, BERLIN,
                List.of(weekDay(0, 9, 0), withdrawn, otherBasis, nextWeek));

        assertThat(week.daysCounted()).isEqualTo(1);
        assertThat(week.lastDay()).isEqualTo(MONDAY);
        assertThat(week.billableMs()).isEqualTo(h(9));
    }

    @Test
    void aPeriodWithNoDayLeftIsEmpty() {
        JobPeriodFigures week = JobPeriodFigures.of("job-1", ContractBasis.WEEK, MONDAY, BERLIN,
                List.of(weekDay(0, 9, 0).cleared()));

        assertThat(week.daysCounted()).isZero();
        assertThat(week.lastDay()).isNull();
        assertThat(week.usage()).isEqualTo(Usage.NONE);
        assertThat(week.allowanceMs()).isZero();
        assertThat(week.billableMs()).isZero();
    }
}
