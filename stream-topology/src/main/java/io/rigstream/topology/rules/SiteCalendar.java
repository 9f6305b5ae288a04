package io.rigstream.topology.rules;

import io.rigstream.topology.model.AssignmentInterval;
import io.rigstream.topology.model.ShiftCalendar;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Site-local days and shifts as instants. Days are calendar days in the site's zone, so a day is 23 or 25 hours long
 * when the clocks change; a shift time that falls into a spring-forward gap moves forward as {@link ZonedDateTime} does.
 */
public final class SiteCalendar {

    private SiteCalendar() {
    }

    public static LocalDate dateOf(long ts, ZoneId zone) {
        return LocalDate.ofInstant(Instant.ofEpochMilli(ts), zone);
    }

    public static long dayStart(LocalDate day, ZoneId zone) {
        return day.atStartOfDay(zone).toInstant().toEpochMilli();
    }

    public static TimeRange day(LocalDate day, ZoneId zone) {
        return new TimeRange(dayStart(day, zone), dayStart(day.plusDays(1), zone));
    }

    /** The first day of {@code zone} that starts at or after {@code ts}. */
    public static LocalDate firstDayStartingAtOrAfter(long ts, ZoneId zone) {
        LocalDate day = dateOf(ts, zone);
        return dayStart(day, zone) < ts ? day.plusDays(1) : day;
    }

    /** The last day of {@code zone} that has ended at {@code ts}. */
    public static LocalDate lastDayEndedBy(long ts, ZoneId zone) {
        return dateOf(ts, zone).minusDays(1);
    }

    /** Start of the local hour containing {@code ts}. */
    public static long hourStart(long ts, ZoneId zone) {
        return ZonedDateTime.ofInstant(Instant.ofEpochMilli(ts), zone)
                .truncatedTo(java.time.temporal.ChronoUnit.HOURS).toInstant().toEpochMilli();
    }

    /** The shift time of {@code assignment} inside {@code window}, limited to the assignment's validity. */
    public static List<TimeRange> shiftTime(AssignmentInterval assignment, TimeRange window) {
        long from = Math.max(window.from(), assignment.validFrom());
        long to = Math.min(window.to(), assignment.validTo());
        List<TimeRange> shifts = new ArrayList<>();
        if (to <= from) {
            return shifts;
        }
        ZoneId zone = assignment.zone();
        ShiftCalendar shift = assignment.shift();
        for (LocalDate date = dateOf(from, zone); !date.isAfter(dateOf(to - 1, zone)); date = date.plusDays(1)) {
            if (!shift.isWorkingDay(date.getDayOfWeek())) {
                continue;
            }
            long start = Math.max(from, ZonedDateTime.of(date, shift.start(), zone).toInstant().toEpochMilli());
            long end = Math.min(to, ZonedDateTime.of(date, shift.end(), zone).toInstant().toEpochMilli());
            if (end > start) {
                shifts.add(new TimeRange(start, end));
            }
        }
        return shifts;
    }
}
