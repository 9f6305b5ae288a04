package io.rigstream.topology.rules;

import static io.rigstream.topology.testing.Assignments.assignment;
import static io.rigstream.topology.testing.Assignments.contract;
import static org.assertj.core.api.Assertions.assertThat;

import io.rigstream.schemas.ContractBasis;
import io.rigstream.topology.model.AssignmentInterval;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class SiteCalendarTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final long HOUR = 3_600_000;

    private static long t(String instant) {
        return Instant.parse(instant).toEpochMilli();
    }

    @Test
    void aDayIsTheSiteLocalCalendarDay() {
        TimeRange day = SiteCalendar.day(LocalDate.of(2024, 3, 4), BERLIN);
        assertThat(day.from()).isEqualTo(t("2024-03-03T23:00:00Z"));
        assertThat(day.length()).isEqualTo(24 * HOUR);
    }

    @Test
    void theDayTheClocksGoForwardHas23HoursAndTheDayTheyGoBack25() {
        assertThat(SiteCalendar.day(LocalDate.of(2024, 3, 31), BERLIN).length()).isEqualTo(23 * HOUR);
        assertThat(SiteCalendar.day(LocalDate.of(2024, 10, 27), BERLIN).length()).isEqualTo(25 * HOUR);
    }

    @Test
    void aReadingBelongsToTheSiteLocalDateNotTheUtcDate() {
        assertThat(SiteCalendar.dateOf(t("2024-03-04T23:30:00Z"), BERLIN)).isEqualTo(LocalDate.of(2024, 3, 5));
    }

    @Test
    void shiftTimeIsWorkingDaysBetweenShiftStartAndEndInLocalTime() {
        AssignmentInterval a = assignment("a1", "job", "2024-03-01T00:00:00Z", null, "Europe/Berlin",
                contract(ContractBasis.DAY, 8, 0, LocalDate.of(2024, 3, 1)));
        // Friday 8 March to Monday 11 March (Berlin): two shift days, Friday and Monday, 07:00-17:00 CET
        List<TimeRange> shifts = SiteCalendar.shiftTime(a, new TimeRange(t("2024-03-07T23:00:00Z"), t("2024-03-11T23:00:00Z")));
        assertThat(shifts).containsExactly(
                new TimeRange(t("2024-03-08T06:00:00Z"), t("2024-03-08T16:00:00Z")),
                new TimeRange(t("2024-03-11T06:00:00Z"), t("2024-03-11T16:00:00Z")));
    }

    @Test
    void shiftHoursFollowSummerTime() {
        AssignmentInterval a = assignment("a1", "job", "2024-03-01T00:00:00Z", null, "Europe/Berlin",
                contract(ContractBasis.DAY, 8, 0, LocalDate.of(2024, 3, 1)));
        List<TimeRange> shifts = SiteCalendar.shiftTime(a, SiteCalendar.day(LocalDate.of(2024, 4, 2), BERLIN));
        assertThat(shifts).containsExactly(new TimeRange(t("2024-04-02T05:00:00Z"), t("2024-04-02T15:00:00Z")));
    }

    @Test
    void shiftTimeIsCutToTheAssignment() {
        AssignmentInterval a = assignment("a1", "job", "2024-03-04T11:00:00Z", "2024-03-05T09:00:00Z", "Europe/Berlin",
                contract(ContractBasis.DAY, 8, 0, LocalDate.of(2024, 3, 4)));
        List<TimeRange> shifts = SiteCalendar.shiftTime(a, new TimeRange(t("2024-03-03T23:00:00Z"), t("2024-03-05T23:00:00Z")));
        assertThat(shifts).containsExactly(
                new TimeRange(t("2024-03-04T11:00:00Z"), t("2024-03-04T16:00:00Z")),
                new TimeRange(t("2024-03-05T06:00:00Z"), t("2024-03-05T09:00:00Z")));
    }

    @Test
    void localHoursOfAHalfHourZoneStartAtHalfPastUtc() {
        assertThat(SiteCalendar.hourStart(t("2024-03-04T10:10:00Z"), ZoneId.of("Asia/Kolkata")))
                .isEqualTo(t("2024-03-04T09:30:00Z"));
        assertThat(SiteCalendar.hourStart(t("2024-03-04T10:10:00Z"), BERLIN)).isEqualTo(t("2024-03-04T10:00:00Z"));
    }
}
