package io.rigstream.topology.rules;

import io.rigstream.topology.model.AssignmentHistory;
import io.rigstream.topology.model.AssignmentInterval;
import io.rigstream.topology.model.Contract;
import io.rigstream.topology.model.EquipmentProfileSettings;
import io.rigstream.topology.model.FaultReport;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The figures of a window or a job day from an equipment's readings, fault reports, assignments and profile: pure
 * functions, recomputed whenever their inputs change, so late data and changed assignments correct them.
 */
public final class FiguresCalculator {

    /** Billable time of the earlier days of a basis period, as last emitted. */
    @FunctionalInterface
    public interface EarlierBillable {
        long sumMs(String jobId, LocalDate periodStart, LocalDate day);
    }

    private final UsageCalculator usage;

    public FiguresCalculator(UsageSettings settings) {
        this.usage = new UsageCalculator(settings);
    }

    public WindowFigures equipmentWindow(ReadingSeries series, List<FaultReport> reports, AssignmentHistory history,
            EquipmentProfileSettings profile, TimeRange window) {
        Usage used = usage.over(series, window.from(), window.to(), profile);
        List<TimeRange> shifts = new ArrayList<>();
        for (AssignmentInterval assignment : history.overlapping(window.from(), window.to())) {
            shifts.addAll(SiteCalendar.shiftTime(assignment, window));
        }
        long downtime = TimeRange.overlap(DowntimeTimeline.downIntervals(reports, window), shifts);
        return new WindowFigures(used, TimeRange.total(shifts), downtime,
                history.dominantJob(window.from(), window.to()).orElse(null));
    }

    /** The day's billing figures, or empty when the job has no assignment of this equipment on that day. */
    public Optional<JobDayFigures> jobDay(ReadingSeries series, List<FaultReport> reports, AssignmentHistory history,
            EquipmentProfileSettings profile, String jobId, LocalDate day, EarlierBillable earlier) {
        List<AssignmentInterval> pieces = history.ofJob(jobId);
        if (pieces.isEmpty()) {
            return Optional.empty();
        }
        TimeRange window = SiteCalendar.day(day, pieces.get(pieces.size() - 1).zone());
        List<AssignmentInterval> onDay = pieces.stream().filter(a -> a.overlap(window.from(), window.to()) > 0).toList();
        if (onDay.isEmpty()) {
            return Optional.empty();
        }
        Usage used = Usage.NONE;
        List<TimeRange> shifts = new ArrayList<>();
        for (AssignmentInterval assignment : onDay) {
            used = used.plus(usage.over(series, Math.max(window.from(), assignment.validFrom()),
                    Math.min(window.to(), assignment.validTo()), profile));
            shifts.addAll(SiteCalendar.shiftTime(assignment, window));
        }
        long shiftMs = TimeRange.total(shifts);
        long downtimeMs = TimeRange.overlap(DowntimeTimeline.downIntervals(reports, window), shifts);
        Contract contract = onDay.get(onDay.size() - 1).contract();
        long availableMs = contract.downtimeCredit() ? shiftMs - downtimeMs : shiftMs;
        long billableMs = BillingRules.billableMs(used.engineMs(), availableMs,
                BillingRules.hoursToMs(contract.minimumDailyHours()), shiftMs > 0);
        LocalDate periodStart = BillingRules.periodStart(contract, day);
        long earlierMs = earlier.sumMs(jobId, periodStart, day);
        long allowanceMs = BillingRules.hoursToMs(contract.allowanceHours());
        long overtimeMs = BillingRules.overtimeMs(allowanceMs, earlierMs, billableMs);
        return Optional.of(new JobDayFigures(jobId, day, onDay.get(0).zone(), used, shiftMs,
                downtimeMs, availableMs, billableMs, overtimeMs, allowanceMs, contract.basis(), periodStart));
    }
}
