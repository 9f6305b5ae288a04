package io.rigstream.launcher;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;

/** Defaults the demo and the simulator share. */
final class DemoDefaults {

    private DemoDefaults() {
    }

    /**
     * The last simulated day: a weekday at least two days back, so that every site's local day, in any time zone,
     * is over (its figures final) and no reading lies in the future.
     */
    static LocalDate lastDay() {
        LocalDate day = LocalDate.now(ZoneOffset.UTC).minusDays(2);
        while (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
            day = day.minusDays(1);
        }
        return day;
    }
}
