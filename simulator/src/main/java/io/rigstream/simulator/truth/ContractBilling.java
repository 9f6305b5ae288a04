package io.rigstream.simulator.truth;

import io.rigstream.schemas.ContractBasis;
import io.rigstream.schemas.ContractTerms;
import io.rigstream.schemas.EquipmentAssignment;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Billable and overtime hours of the truth's days under each assignment's contract, worked out from the rules of
 * issue 4 (docs/usage-rules.md, rule 7) with code of its own, so that the truth never borrows rigstream's answer:
 * <pre>
 * available = shift hours inside the assignment - downtime in them (shift hours without downtime credit)
 * billable  = max(engine, min(minimumDailyHours, available)) on a day with shift hours, engine otherwise
 * overtime  = billable above the allowance of the basis period (DAY, ISO WEEK, PERIOD of 28 days from the contract
 *             start), given the billable hours of the period's earlier days
 * </pre>
 */
public final class ContractBilling {

    private static final int PERIOD_DAYS = 28;

    private ContractBilling() {
    }

    /** Fills in shift, billable and overtime hours of every day from the assignments of its job and equipment. */
    public static void apply(Collection<DayUsageTruth> days, List<EquipmentAssignment> assignments) {
        record PeriodKey(String jobId, String equipmentId, LocalDate periodStart) {
        }
        record Billed(PeriodKey period, DayUsageTruth day, double shift, double billable, double allowance) {
        }
        Map<PeriodKey, List<Billed>> periods = days.stream().map(day -> {
            List<EquipmentAssignment> own = assignments.stream()
                    .filter(a -> a.getEquipmentId().equals(day.equipmentId()) && a.getJobId().equals(day.jobId())).toList();
            EquipmentAssignment governing = governing(own, day.day());
            ContractTerms terms = governing.getContract();
            double shift = own.stream().mapToDouble(a -> shiftHoursInside(a, day.day())).sum();
            double available = terms.getDowntimeCredit() ? shift - day.downtimeHours() : shift;
            double billable = shift > 0 ? Math.max(day.engineHours(), Math.min(terms.getMinimumDailyHours(), available))
                    : day.engineHours();
            return new Billed(new PeriodKey(day.jobId(), day.equipmentId(), periodStart(governing, day.day())), day, shift,
                    billable, allowance(terms));
        }).collect(Collectors.groupingBy(Billed::period));
        for (List<Billed> period : periods.values()) {
            double earlier = 0;
            for (Billed billed : period.stream().sorted(Comparator.comparing(b -> b.day().day())).toList()) {
                double overtime = Math.max(0, earlier + billed.billable() - billed.allowance())
                        - Math.max(0, earlier - billed.allowance());
                billed.day().bill(billed.shift(), billed.billable(), overtime);
                earlier += billed.billable();
            }
        }
    }

    /** The assignment whose contract governs the day: the one covering most of it. */
    private static EquipmentAssignment governing(List<EquipmentAssignment> own, LocalDate day) {
        return own.stream().max(Comparator.comparing(a -> overlap(a, startOf(a, day), startOf(a, day.plusDays(1)))))
                .orElseThrow(() -> new IllegalStateException("a truth day without an assignment: " + day));
    }

    /** Shift hours of {@code day} (site-local) that lie inside the assignment; 0 on a day off. */
    static double shiftHoursInside(EquipmentAssignment assignment, LocalDate day) {
        if (!assignment.getShift().getWorkingDays().contains(day.getDayOfWeek().name())) {
            return 0;
        }
        ZoneId zone = ZoneId.of(assignment.getSiteTimeZone());
        Instant from = day.atTime(LocalTime.parse(assignment.getShift().getStartLocal())).atZone(zone).toInstant();
        Instant to = day.atTime(LocalTime.parse(assignment.getShift().getEndLocal())).atZone(zone).toInstant();
        return overlap(assignment, from, to).toMillis() / 3_600_000.0;
    }

    private static Duration overlap(EquipmentAssignment assignment, Instant from, Instant to) {
        Instant start = from.isAfter(assignment.getValidFrom()) ? from : assignment.getValidFrom();
        Instant end = assignment.getValidTo() == null || to.isBefore(assignment.getValidTo()) ? to : assignment.getValidTo();
        return end.isAfter(start) ? Duration.between(start, end) : Duration.ZERO;
    }

    private static Instant startOf(EquipmentAssignment assignment, LocalDate day) {
        return day.atStartOfDay(ZoneId.of(assignment.getSiteTimeZone())).toInstant();
    }

    static double allowance(ContractTerms terms) {
        if (terms.getAllowanceHours() > 0) {
            return terms.getAllowanceHours();
        }
        return switch (terms.getBasis()) {
            case DAY -> 8;
            case WEEK -> 40;
            case PERIOD -> 160;
        };
    }

    static LocalDate periodStart(EquipmentAssignment assignment, LocalDate day) {
        ContractBasis basis = assignment.getContract().getBasis();
        return switch (basis) {
            case DAY -> day;
            case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case PERIOD -> {
                LocalDate contractStart = assignment.getContract().getContractStart() != null
                        ? assignment.getContract().getContractStart()
                        : assignment.getValidFrom().atZone(ZoneId.of(assignment.getSiteTimeZone())).toLocalDate();
                long periods = Math.floorDiv(ChronoUnit.DAYS.between(contractStart, day), PERIOD_DAYS);
                yield contractStart.plusDays(periods * PERIOD_DAYS);
            }
        };
    }
}
