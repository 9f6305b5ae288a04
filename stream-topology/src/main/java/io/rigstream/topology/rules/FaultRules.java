package io.rigstream.topology.rules;

import io.rigstream.topology.model.FaultCode;
import io.rigstream.topology.model.FaultReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Rules 6 and 8 on fault reports: when alert codes become active or clear, and when downtime starts or ends. */
public final class FaultRules {

    /** An alert (red or amber) code became active or cleared at device time {@code at}. */
    public record FaultChange(FaultCode fault, boolean activated, long at) {
        Object identity() {
            return List.of(fault.code(), activated);
        }
    }

    /** Downtime started or ended at {@code at}, the report that says so. */
    public record DowntimeChange(boolean started, FaultReport at) {
    }

    private FaultRules() {
    }

    /** Alert changes from {@code previous} (null: nothing active before) to {@code next}. */
    public static List<FaultChange> faultChanges(FaultReport previous, FaultReport next) {
        Map<String, FaultCode> before = previous == null ? Map.of() : previous.alerts();
        Map<String, FaultCode> after = next.alerts();
        List<FaultChange> changes = new ArrayList<>();
        after.forEach((code, fault) -> {
            if (!before.containsKey(code)) {
                changes.add(new FaultChange(fault, true, next.deviceTs()));
            }
        });
        before.forEach((code, fault) -> {
            if (!after.containsKey(code)) {
                changes.add(new FaultChange(fault, false, next.deviceTs()));
            }
        });
        return changes;
    }

    public static List<DowntimeChange> downtimeChanges(FaultReport previous, FaultReport next) {
        boolean wasDown = previous != null && previous.isDown();
        if (wasDown == next.isDown()) {
            return List.of();
        }
        return List.of(new DowntimeChange(next.isDown(), next));
    }

    /** Fault changes caused by {@code inserted} landing between its neighbour reports. */
    public static List<FaultChange> faultChangesOnInsert(FaultReport before, FaultReport inserted, FaultReport after) {
        return InsertionDiff.newEvents(before, inserted, after, FaultRules::faultChanges, FaultChange::identity);
    }

    public static List<DowntimeChange> downtimeChangesOnInsert(FaultReport before, FaultReport inserted, FaultReport after) {
        return InsertionDiff.newEvents(before, inserted, after, FaultRules::downtimeChanges, DowntimeChange::started);
    }
}
