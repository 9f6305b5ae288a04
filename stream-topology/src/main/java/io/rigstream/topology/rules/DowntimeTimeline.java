package io.rigstream.topology.rules;

import io.rigstream.topology.model.FaultReport;
import java.util.ArrayList;
import java.util.List;

/**
 * Downtime as a step function of the fault reports (rule 6): a red-lamp code active at a report keeps the machine
 * down until a later report no longer holds an active red code. Readings without a faults field are not reports and
 * change nothing.
 */
public final class DowntimeTimeline {

    private DowntimeTimeline() {
    }

    /**
     * The down time inside {@code window}.
     *
     * @param reports in device-time order, starting at the last report at or before the window's start if there is one
     */
    public static List<TimeRange> downIntervals(List<FaultReport> reports, TimeRange window) {
        List<TimeRange> down = new ArrayList<>();
        boolean isDown = false;
        long since = window.from();
        for (FaultReport report : reports) {
            if (report.deviceTs() >= window.to()) {
                break;
            }
            long at = Math.max(report.deviceTs(), window.from());
            if (report.isDown() && !isDown) {
                since = at;
            } else if (!report.isDown() && isDown && at > since) {
                down.add(new TimeRange(since, at));
            }
            isDown = report.isDown();
        }
        if (isDown && window.to() > since) {
            down.add(new TimeRange(since, window.to()));
        }
        return down;
    }
}
