package io.rigstream.topology.model;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.Objects;
import java.util.Set;

/** Working days and shift hours of a job site, in site-local time. The shift ends after it starts, on the same day. */
public record ShiftCalendar(Set<DayOfWeek> workingDays, LocalTime start, LocalTime end) {

    public ShiftCalendar {
        workingDays = Set.copyOf(workingDays);
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("shift end " + end + " must be after its start " + start);
        }
    }

    public boolean isWorkingDay(DayOfWeek day) {
        return workingDays.contains(day);
    }
}
