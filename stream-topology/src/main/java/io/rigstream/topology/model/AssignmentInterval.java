package io.rigstream.topology.model;

import java.time.ZoneId;
import java.util.Objects;

/**
 * One equipment ({@code <tenant>/<equipmentId>}) on one job over {@code [validFrom, validTo)} (epoch ms, {@code validTo} is {@link Long#MAX_VALUE}
 * while the assignment is open), with the site's calendar and the contract that bills it.
 */
public record AssignmentInterval(String assignmentId, String equipment, String jobId, long validFrom, long validTo, ZoneId zone,
        ShiftCalendar shift, Contract contract) {

    public static final long OPEN = Long.MAX_VALUE;

    public AssignmentInterval {
        Objects.requireNonNull(assignmentId, "assignmentId");
        Objects.requireNonNull(equipment, "equipment");
        Objects.requireNonNull(jobId, "jobId");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(shift, "shift");
        Objects.requireNonNull(contract, "contract");
        if (validTo <= validFrom) {
            throw new IllegalArgumentException("assignment " + assignmentId + " ends before it starts");
        }
    }

    public boolean covers(long ts) {
        return ts >= validFrom && ts < validTo;
    }

    /** Milliseconds of {@code [from, to)} inside this assignment. */
    public long overlap(long from, long to) {
        return Math.max(0, Math.min(to, validTo) - Math.max(from, validFrom));
    }
}
