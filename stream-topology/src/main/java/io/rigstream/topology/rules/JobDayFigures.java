package io.rigstream.topology.rules;

import io.rigstream.schemas.ContractBasis;
import java.time.LocalDate;
import java.time.ZoneId;

/** Billing figures of one job, one equipment, one site-local day (rule 7), in milliseconds and integer units. */
public record JobDayFigures(String jobId, LocalDate day, ZoneId zone, Usage usage, long shiftMs, long downtimeMs,
        long availableMs, long billableMs, long overtimeMs, ContractBasis basis, LocalDate periodStart) {

    /** Available time the machine stood ready but did not run. */
    public long standbyMs() {
        return Math.max(0, availableMs - usage.engineMs());
    }

    /** The same day with nothing on it: what a day becomes when its assignment is withdrawn. */
    public JobDayFigures cleared() {
        return new JobDayFigures(jobId, day, zone, Usage.NONE, 0, 0, 0, 0, 0, basis, periodStart);
    }
}
