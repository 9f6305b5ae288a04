package io.rigstream.topology.rules;

import io.rigstream.schemas.ContractBasis;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Billing figures of one job, one equipment, one site-local day (rule 7), in milliseconds and integer units.
 *
 * @param allowanceMs the allowance of the basis period the overtime was computed against; 0 for a day the job no
 *                    longer has ({@link #cleared()}), {@link #ALLOWANCE_NOT_RECORDED} for a day stored by a release
 *                    that did not record it
 */
public record JobDayFigures(String jobId, LocalDate day, ZoneId zone, Usage usage, long shiftMs, long downtimeMs,
        long availableMs, long billableMs, long overtimeMs, long allowanceMs, ContractBasis basis,
        LocalDate periodStart) {

    /** Allowance of a day read from state written before days recorded it. */
    public static final long ALLOWANCE_NOT_RECORDED = -1;

    /** Available time the machine stood ready but did not run. */
    public long standbyMs() {
        return Math.max(0, availableMs - usage.engineMs());
    }

    /** Whether an assignment of the job covers the day: a contract always has an allowance, a cleared day none. */
    public boolean assigned() {
        return allowanceMs != 0;
    }

    /** The same day with nothing on it: what a day becomes when its assignment is withdrawn. */
    public JobDayFigures cleared() {
        return new JobDayFigures(jobId, day, zone, Usage.NONE, 0, 0, 0, 0, 0, 0, basis, periodStart);
    }

    /**
     * Whether {@code other} would publish the same record. The allowance is not published per day: a day stored
     * without it matches its recomputation, rather than being re-emitted unchanged under a new revision.
     */
    public boolean publishesAs(JobDayFigures other) {
        long allowance = allowanceMs == ALLOWANCE_NOT_RECORDED ? other.allowanceMs : allowanceMs;
        return new JobDayFigures(jobId, day, zone, usage, shiftMs, downtimeMs, availableMs, billableMs, overtimeMs,
                allowance, basis, periodStart).equals(other);
    }
}
