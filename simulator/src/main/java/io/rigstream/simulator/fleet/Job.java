package io.rigstream.simulator.fleet;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Set;

/** A job site with its time zone, shift calendar and position. */
public record Job(String jobId, ZoneId zone, Set<DayOfWeek> workingDays, LocalTime shiftStart, LocalTime shiftEnd,
        double latitude, double longitude) {
}
