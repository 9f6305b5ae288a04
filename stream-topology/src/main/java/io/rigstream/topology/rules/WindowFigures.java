package io.rigstream.topology.rules;

/**
 * Utilization of one equipment over one window (an hour or a day in the fleet's zone).
 *
 * @param jobId the job covering most of the window, or null when unassigned
 */
public record WindowFigures(Usage usage, long shiftMs, long downtimeMs, String jobId) {

    public long availableMs() {
        return shiftMs - downtimeMs;
    }
}
