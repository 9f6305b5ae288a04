package io.rigstream.topology.rules;

import io.rigstream.schemas.ContractBasis;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.Set;

/**
 * Billing figures of one job and one equipment over a basis period (rule 7): the sums of the period's days as they
 * were emitted. Overtime is the sum of the days' overtime, so it is computed one way only, day by day against the
 * earlier days of the period; with one contract over the period that sum is {@code max(0, billable - allowance)}.
 *
 * @param lastDay     the latest day counted, null when none is
 * @param daysCounted days of the period the job had the equipment on
 */
public record JobPeriodFigures(String jobId, ContractBasis basis, LocalDate periodStart, LocalDate periodEnd,
        ZoneId zone, LocalDate lastDay, int daysCounted, Usage usage, long shiftMs, long downtimeMs, long availableMs,
        long standbyMs, long billableMs, long allowanceMs, long overtimeMs) {

    /**
     * Sums the days of one period. Days the job no longer has (cleared) and days of another basis or period are
     * left out; the allowance is the one the latest counted day was computed with.
     */
    public static JobPeriodFigures of(String jobId, ContractBasis basis, LocalDate periodStart, ZoneId zone,
            Collection<JobDayFigures> days) {
        LocalDate lastDay = null;
        int count = 0;
        Usage usage = Usage.NONE;
        long shift = 0;
        long downtime = 0;
        long available = 0;
        long standby = 0;
        long billable = 0;
        long allowance = 0;
        long overtime = 0;
        for (JobDayFigures day : days) {
            if (!day.assigned() || day.basis() != basis || !day.periodStart().equals(periodStart)) {
                continue;
            }
            count++;
            // flags describe readings, not the bill: they are not summed into the period
            usage = usage.plus(new Usage(day.usage().engineMs(), day.usage().idleMs(), day.usage().unknownMs(),
                    day.usage().fuelMl(), day.usage().distanceM(), Set.of()));
            shift += day.shiftMs();
            downtime += day.downtimeMs();
            available += day.availableMs();
            standby += day.standbyMs();
            billable += day.billableMs();
            overtime += day.overtimeMs();
            if (lastDay == null || day.day().isAfter(lastDay)) {
                lastDay = day.day();
                if (day.allowanceMs() != JobDayFigures.ALLOWANCE_NOT_RECORDED) {
                    allowance = day.allowanceMs();
                }
            }
        }
        return new JobPeriodFigures(jobId, basis, periodStart, BillingRules.periodEnd(basis, periodStart), zone,
                lastDay, count, usage, shift, downtime, available, standby, billable, allowance, overtime);
    }
}
