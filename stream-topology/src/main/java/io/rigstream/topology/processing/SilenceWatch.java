package io.rigstream.topology.processing;

import io.rigstream.schemas.DowntimeKind;
import io.rigstream.schemas.topics.Topics;
import io.rigstream.topology.TopologyConfig;
import io.rigstream.topology.model.AssignmentHistory;
import io.rigstream.topology.model.AssignmentInterval;
import io.rigstream.topology.rules.SiteCalendar;
import io.rigstream.topology.rules.TimeRange;
import io.rigstream.topology.state.EquipmentStatus;
import java.util.List;
import java.util.Optional;

/**
 * Rule 9: an equipment assigned to an active job that has sent nothing for the silence time during shift hours raises
 * NO_REPORT, measured by wall clock against the bridge's receipt time of its last reading. Time outside shifts does
 * not count, so a machine parked overnight is not reported silent until it has missed the silence time of the shift.
 */
final class SilenceWatch {

    private final Emitter out;
    private final long silenceAfterMs;

    SilenceWatch(TopologyConfig config, Emitter out) {
        this.out = out;
        this.silenceAfterMs = config.silenceAfter().toMillis();
    }

    void check(String equipment, EquipmentStatus status, AssignmentHistory history, long now) {
        // silence counts from the last report at the earliest: a recent one settles it without the site calendar,
        // which every round would otherwise work out for every equipment
        boolean reportedRecently = status.lastReportTs().filter(ts -> now - ts < silenceAfterMs).isPresent();
        if (status.silentSince().isPresent() || reportedRecently) {
            return;
        }
        Optional<AssignmentInterval> assignment = history.at(now);
        if (assignment.isEmpty()) {
            return;
        }
        Optional<TimeRange> shift = currentShift(assignment.get(), now);
        if (shift.isEmpty()) {
            return;
        }
        long lastReport = status.lastReportTs().orElse(assignment.get().validFrom());
        long silentFrom = Math.max(lastReport, shift.get().from());
        if (now - silentFrom < silenceAfterMs) {
            return;
        }
        out.emit(Topics.DOWNTIME, equipment, EventRecords.event(EventRecords.silenceEventId(equipment, lastReport),
                equipment, assignment.get().jobId(), DowntimeKind.NO_REPORT, lastReport, null, List.of()), now);
        status.silentSince(lastReport);
    }

    private static Optional<TimeRange> currentShift(AssignmentInterval assignment, long now) {
        TimeRange today = SiteCalendar.day(SiteCalendar.dateOf(now, assignment.zone()), assignment.zone());
        return SiteCalendar.shiftTime(assignment, today).stream()
                .filter(shift -> shift.from() <= now && now < shift.to())
                .findFirst();
    }
}
