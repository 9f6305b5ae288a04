package io.rigstream.topology.processing;

import io.rigstream.topology.model.AssignmentHistory;
import io.rigstream.topology.model.AssignmentInterval;
import io.rigstream.topology.model.EquipmentProfileSettings;
import io.rigstream.topology.model.FaultReport;
import io.rigstream.topology.model.Reading;
import io.rigstream.topology.rules.ReadingSeries;
import io.rigstream.topology.rules.TimeRange;
import io.rigstream.topology.state.EquipmentStatus;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One equipment's publication at one punctuation: its reference data, read once, and the inputs of each window,
 * fetched once even when an hour, the equipment's day and a job's day all need them.
 */
final class PublicationRound {

    final String equipment;
    final EquipmentStatus status;
    final AssignmentHistory history;
    final EquipmentProfileSettings profile;
    private final EquipmentStores stores;
    private final long lookbackMs;
    private final Map<TimeRange, ReadingSeries> series = new HashMap<>();
    private final Map<TimeRange, List<FaultReport>> reports = new HashMap<>();
    /** Device time of the oldest stored reading, read at most once; null until then. */
    private Optional<Long> firstReadingAt;

    PublicationRound(EquipmentStores stores, long lookbackMs, String equipment, EquipmentStatus status,
            AssignmentHistory history) {
        this.stores = stores;
        this.lookbackMs = lookbackMs;
        this.equipment = equipment;
        this.status = status;
        this.history = history;
        this.profile = stores.profile(equipment).withTankFallback(status.latest().tankLitres());
    }

    ReadingSeries series(TimeRange window) {
        return series.computeIfAbsent(window, w -> stores.series(equipment, w, lookbackMs));
    }

    List<FaultReport> reports(TimeRange window) {
        return reports.computeIfAbsent(window, w -> stores.reports(equipment, w));
    }

    /** Device time of the equipment's oldest stored reading. */
    Optional<Long> firstReadingAt() {
        if (firstReadingAt == null) {
            firstReadingAt = stores.readings.after(equipment, Long.MIN_VALUE).map(Reading::deviceTs);
        }
        return firstReadingAt;
    }

    /** Earliest time the equipment has anything to report on: its oldest stored reading or first assignment. */
    Optional<Long> firstDataAt() {
        Optional<Long> firstReading = firstReadingAt();
        Optional<Long> firstAssignment = history.assignments().stream().map(AssignmentInterval::validFrom).findFirst();
        return firstReading.map(r -> firstAssignment.map(a -> Math.min(a, r)).orElse(r)).or(() -> firstAssignment);
    }
}
