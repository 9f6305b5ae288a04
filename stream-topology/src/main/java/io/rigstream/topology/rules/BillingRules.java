package io.rigstream.topology.rules;

import io.rigstream.schemas.ContractBasis;
import io.rigstream.topology.model.Contract;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;

/** Rule 7: billable hours and overtime under a rental contract, in milliseconds. */
public final class BillingRules {

    private BillingRules() {
    }

    /**
     * On a shift day the customer pays at least the minimum, but never for hours the machine could not work:
     * {@code max(engine, min(minimum, available))}. Off shift, only what ran.
     */
    public static long billableMs(long engineMs, long availableMs, long minimumMs, boolean shiftDay) {
        if (!shiftDay) {
            return engineMs;
        }
        return Math.max(engineMs, Math.min(minimumMs, Math.max(0, availableMs)));
    }

    /** The part of a day's billable time above the allowance, given what earlier days of its period already used. */
    public static long overtimeMs(long allowanceMs, long earlierBillableMs, long billableMs) {
        return Math.max(0, earlierBillableMs + billableMs - allowanceMs) - Math.max(0, earlierBillableMs - allowanceMs);
    }

    /** First day of the basis period {@code day} belongs to: the day itself, its ISO week's Monday, or its 28-day period. */
    public static LocalDate periodStart(Contract contract, LocalDate day) {
        if (contract.basis() == ContractBasis.DAY) {
            return day;
        }
        if (contract.basis() == ContractBasis.WEEK) {
            return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        }
        long days = ChronoUnit.DAYS.between(contract.contractStart(), day);
        return contract.contractStart().plusDays(Math.floorDiv(days, Contract.PERIOD_DAYS) * Contract.PERIOD_DAYS);
    }

    /** Last day of the basis period starting on {@code periodStart}, inclusive. */
    public static LocalDate periodEnd(ContractBasis basis, LocalDate periodStart) {
        return switch (basis) {
            case DAY -> periodStart;
            case WEEK -> periodStart.plusDays(6);
            case PERIOD -> periodStart.plusDays(Contract.PERIOD_DAYS - 1);
        };
    }

    public static long hoursToMs(double hours) {
        return Math.round(hours * IntervalRules.MS_PER_HOUR);
    }
}
