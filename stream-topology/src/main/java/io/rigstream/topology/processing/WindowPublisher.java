package io.rigstream.topology.processing;

import io.rigstream.schemas.topics.Topics;
import io.rigstream.topology.TopologyConfig;
import io.rigstream.topology.metrics.TopologyMetrics;
import io.rigstream.topology.model.AssignmentHistory;
import io.rigstream.topology.model.AssignmentInterval;
import io.rigstream.topology.model.EquipmentProfileSettings;
import io.rigstream.topology.model.FaultReport;
import io.rigstream.topology.rules.FiguresCalculator;
import io.rigstream.topology.rules.JobDayFigures;
import io.rigstream.topology.rules.ReadingSeries;
import io.rigstream.topology.rules.SiteCalendar;
import io.rigstream.topology.rules.TimeRange;
import io.rigstream.topology.rules.WindowFigures;
import io.rigstream.topology.state.Emitted;
import io.rigstream.topology.state.EquipmentStatus;
import io.rigstream.topology.state.StoreKeys;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.state.KeyValueIterator;

/**
 * Turns an equipment's stored readings into emitted figures (rule 4): recomputes the windows that new data or new
 * reference data touched, re-emitting those already published under a higher revision when they changed, and
 * closes the days that ended more than the grace ago.
 */
final class WindowPublisher {

    private static final long HOUR_MS = 3_600_000;
    private static final long DAY_MS = 86_400_000;

    private final EquipmentStores stores;
    private final Emitter out;
    private final TopologyMetrics metrics;
    private final FiguresCalculator calculator;
    private final ZoneId fleetZone;
    private final long graceMs;
    private final long horizonMs;
    private final long lookbackMs;

    WindowPublisher(TopologyConfig config, EquipmentStores stores, Emitter out) {
        this.stores = stores;
        this.out = out;
        this.metrics = config.metrics();
        this.calculator = new FiguresCalculator(config.usageSettings());
        this.fleetZone = config.fleetTimeZone();
        this.graceMs = config.grace().toMillis();
        this.horizonMs = config.latenessHorizon().toMillis();
        this.lookbackMs = config.maxGap().toMillis();
    }

    /**
     * Windows starting before this can no longer be recomputed: the readings they need may have been purged, and no
     * reading that would change them is accepted any more.
     */
    long recomputableFrom(EquipmentStatus status, long closeTime) {
        return (status.hasReadings() ? status.maxDeviceTs() : closeTime) - horizonMs - DAY_MS;
    }

    /** How far back the readings of a recomputable window reach. */
    long retainFrom(EquipmentStatus status, long closeTime) {
        return recomputableFrom(status, closeTime) - lookbackMs;
    }

    /**
     * @param closeTime days ending at or before {@code closeTime - grace} are closed; {@link Long#MIN_VALUE} while
     *                  no time is known, when only changed hours are published
     */
    void publish(String equipment, EquipmentStatus status, long closeTime) {
        Work work = new Work(equipment, status);
        long floor = recomputableFrom(status, closeTime);
        long limit = Math.max(closeTime, status.maxDeviceTs());
        Optional<TimeRange> dirty = status.takeDirty()
                .filter(range -> Math.min(range[1], limit) >= Math.max(range[0], floor))
                .map(range -> new TimeRange(Math.max(range[0], floor), Math.min(range[1], limit)));
        dirty.ifPresent(range -> publishHours(work, range));
        if (closeTime == Long.MIN_VALUE) {
            return;
        }
        publishEquipmentDays(work, dirty, floor, closeTime);
        Set<String> jobs = new LinkedHashSet<>(work.history.jobIds());
        jobs.addAll(status.jobsWithCursor());
        for (String job : jobs) {
            publishJobDays(work, job, dirty, floor, closeTime);
        }
    }

    private void publishHours(Work work, TimeRange dirty) {
        if (!work.status.hasReadings()) {
            return;
        }
        long end = Math.min(dirty.to(), work.status.maxDeviceTs());
        for (long hour = SiteCalendar.hourStart(dirty.from(), fleetZone); hour <= end; ) {
            long next = Math.max(hour + 1, SiteCalendar.hourStart(hour + HOUR_MS, fleetZone));
            TimeRange window = new TimeRange(hour, next);
            ReadingSeries series = work.series(window);
            Bytes key = StoreKeys.timeKey(work.equipment, hour);
            Emitted<WindowFigures> previous = stores.hourly.get(key);
            if (previous != null || series.covers(window.from(), window.to())) {
                WindowFigures figures = calculator.equipmentWindow(series, work.reports(window), work.history,
                        work.profile, window);
                publishWindow(work.equipment, UsageRecords.HOUR, window, key, previous, figures);
            }
            hour = next;
        }
    }

    /**
     * An equipment's days run from the day of its first reading or assignment, or the oldest recomputable day if
     * that is later, so that the same days are published whatever order the data came in.
     */
    private void publishEquipmentDays(Work work, Optional<TimeRange> dirty, long floor, long closeTime) {
        Optional<Long> firstData = firstDataAt(work);
        if (firstData.isEmpty()) {
            return;
        }
        LocalDate firstDay = max(SiteCalendar.dateOf(firstData.get(), fleetZone), firstDayFrom(floor, fleetZone));
        LocalDate last = work.status.equipmentDayCursor().orElse(firstDay.minusDays(1));
        if (dirty.isPresent()) {
            for (LocalDate day = max(SiteCalendar.dateOf(dirty.get().from(), fleetZone), firstDay);
                    !day.isAfter(last) && !day.isAfter(SiteCalendar.dateOf(dirty.get().to(), fleetZone));
                    day = day.plusDays(1)) {
                publishEquipmentDay(work, day);
            }
        }
        LocalDate closable = lastClosableDay(fleetZone, closeTime);
        for (LocalDate day = last.plusDays(1); !day.isAfter(closable); day = day.plusDays(1)) {
            publishEquipmentDay(work, day);
            last = day;
        }
        if (!work.status.equipmentDayCursor().equals(Optional.of(last))) {
            work.status.equipmentDayCursor(last);
        }
    }

    private void publishEquipmentDay(Work work, LocalDate day) {

        TimeRange window = SiteCalendar.day(day, fleetZone);
        Bytes key = StoreKeys.timeKey(work.equipment, day.toEpochDay());
        WindowFigures figures = calculator.equipmentWindow(work.series(window), work.reports(window), work.history,
                work.profile, window);
        publishWindow(work.equipment, UsageRecords.DAY, window, key, stores.daily.get(key), figures);
    }

    private void publishWindow(String equipment, String granularity, TimeRange window, Bytes key,
            Emitted<WindowFigures> previous, WindowFigures figures) {
        if (previous != null && previous.figures().equals(figures)) {
            return;
        }
        Emitted<WindowFigures> emitted = previous == null ? Emitted.first(figures) : previous.revised(figures);
        boolean hourly = granularity.equals(UsageRecords.HOUR);
        (hourly ? stores.hourly : stores.daily).put(key, emitted);
        String recordKey = hourly ? UsageRecords.hourlyKey(equipment, window.from())
                : UsageRecords.dailyKey(equipment, SiteCalendar.dateOf(window.from(), fleetZone));
        out.emit(hourly ? Topics.USAGE_HOURLY : Topics.USAGE_DAILY, recordKey,
                UsageRecords.equipmentUsage(equipment, granularity, window, figures, emitted.revision()), window.to());
        metrics.emitted(hourly ? Topics.USAGE_HOURLY.name() : Topics.USAGE_DAILY.name(), previous != null);
    }

    private void publishJobDays(Work work, String job, Optional<TimeRange> dirty, long floor, long closeTime) {
        List<AssignmentInterval> pieces = work.history.ofJob(job);
        if (pieces.isEmpty()) {
            clearWithdrawnJob(work, job, floor);
            return;
        }
        ZoneId zone = pieces.get(pieces.size() - 1).zone();
        long assignedFrom = pieces.stream().mapToLong(AssignmentInterval::validFrom).min().orElseThrow();
        long assignedTo = pieces.stream().mapToLong(AssignmentInterval::validTo).max().orElseThrow();
        LocalDate closable = lastClosableDay(zone, closeTime);
        if (assignedTo != AssignmentInterval.OPEN && SiteCalendar.dateOf(assignedTo - 1, zone).isBefore(closable)) {
            closable = SiteCalendar.dateOf(assignedTo - 1, zone);
        }
        LocalDate floorDay = firstDayFrom(floor, zone);
        LocalDate cursor = work.status.jobDayCursor(job)
                .orElse(max(SiteCalendar.dateOf(assignedFrom, zone), floorDay).minusDays(1));
        if (dirty.isPresent()) {
            reviseJobDays(work, job, zone, dirty.get(), floorDay, cursor);
        }
        for (LocalDate day = cursor.plusDays(1); !day.isAfter(closable); day = day.plusDays(1)) {
            publishJobDay(work, job, zone, day);
            cursor = day;
        }
        if (!work.status.jobDayCursor(job).equals(Optional.of(cursor))) {
            work.status.jobDayCursor(job, cursor);
        }
    }

    /**
     * Recomputes closed days in the dirty range. A changed billable total changes the overtime of the later days of
     * its basis period, so those follow even outside the range.
     */
    private void reviseJobDays(Work work, String job, ZoneId zone, TimeRange dirty, LocalDate floorDay, LocalDate cursor) {
        LocalDate dirtyLast = SiteCalendar.dateOf(dirty.to(), zone);
        LocalDate changedPeriod = null;
        for (LocalDate day = max(SiteCalendar.dateOf(dirty.from(), zone), floorDay); !day.isAfter(cursor);
                day = day.plusDays(1)) {
            Optional<JobDayFigures> figures = Optional.empty();
            boolean inDirty = !day.isAfter(dirtyLast);
            if (inDirty || changedPeriod != null) {
                Emitted<JobDayFigures> before = stores.jobDaily.get(jobDayKey(work.equipment, job, day));
                figures = publishJobDay(work, job, zone, day);
                boolean billableChanged = figures.isPresent()
                        && (before == null || before.figures().billableMs() != figures.get().billableMs());
                if (figures.isPresent() && changedPeriod != null && !figures.get().periodStart().equals(changedPeriod)) {
                    changedPeriod = null;
                }
                if (billableChanged) {
                    changedPeriod = figures.get().periodStart();
                }
            }
            if (!inDirty && changedPeriod == null) {
                return;
            }
        }
    }

    /** @return the figures now published for the day, empty when the job had no assignment that day */
    private Optional<JobDayFigures> publishJobDay(Work work, String job, ZoneId zone, LocalDate day) {
        TimeRange window = SiteCalendar.day(day, zone);
        Bytes key = jobDayKey(work.equipment, job, day);
        Emitted<JobDayFigures> previous = stores.jobDaily.get(key);
        Optional<JobDayFigures> figures = calculator.jobDay(work.series(window), work.reports(window), work.history,
                work.profile, job, day, (j, periodStart, d) -> earlierBillable(work.equipment, j, periodStart, d));
        Optional<JobDayFigures> next = figures.or(() -> Optional.ofNullable(previous).map(p -> p.figures().cleared()));
        if (next.isEmpty() || (previous != null && previous.figures().equals(next.get()))) {
            return figures;
        }
        Emitted<JobDayFigures> emitted = previous == null ? Emitted.first(next.get()) : previous.revised(next.get());
        stores.jobDaily.put(key, emitted);
        out.emit(Topics.JOB_USAGE_DAILY, UsageRecords.jobDailyKey(work.equipment, job, day),
                UsageRecords.jobUsageDaily(work.equipment, next.get(), emitted.revision()), window.to());
        metrics.emitted(Topics.JOB_USAGE_DAILY.name(), previous != null);
        return figures;
    }

    /** A job no longer assigned to this equipment: the days it had published since the floor become empty. */
    private void clearWithdrawnJob(Work work, String job, long floor) {
        String tenantJob = UsageRecords.tenantJob(work.equipment, job);
        Map<Bytes, Emitted<JobDayFigures>> published = new HashMap<>();
        try (KeyValueIterator<Bytes, Emitted<JobDayFigures>> it = stores.jobDaily.range(
                StoreKeys.pairKey(tenantJob, work.equipment, Long.MIN_VALUE),
                StoreKeys.pairKey(tenantJob, work.equipment, Long.MAX_VALUE))) {
            it.forEachRemaining(kv -> published.put(kv.key, kv.value));
        }
        published.forEach((key, previous) -> {
            JobDayFigures cleared = previous.figures().cleared();
            if (SiteCalendar.dayStart(cleared.day(), cleared.zone()) >= floor && !previous.figures().equals(cleared)) {
                Emitted<JobDayFigures> emitted = previous.revised(cleared);
                stores.jobDaily.put(key, emitted);
                out.emit(Topics.JOB_USAGE_DAILY, UsageRecords.jobDailyKey(work.equipment, job, cleared.day()),
                        UsageRecords.jobUsageDaily(work.equipment, cleared, emitted.revision()),
                        SiteCalendar.day(cleared.day(), cleared.zone()).to());
                metrics.emitted(Topics.JOB_USAGE_DAILY.name(), true);
            }
        });
        work.status.forgetJob(job);
    }

    private long earlierBillable(String equipment, String job, LocalDate periodStart, LocalDate day) {
        if (!periodStart.isBefore(day)) {
            return 0;
        }
        long sum = 0;
        try (KeyValueIterator<Bytes, Emitted<JobDayFigures>> it = stores.jobDaily.range(
                jobDayKey(equipment, job, periodStart), jobDayKey(equipment, job, day.minusDays(1)))) {
            while (it.hasNext()) {
                sum += it.next().value.figures().billableMs();
            }
        }
        return sum;
    }

    static Bytes jobDayKey(String equipment, String job, LocalDate day) {
        return StoreKeys.pairKey(UsageRecords.tenantJob(equipment, job), equipment, day.toEpochDay());
    }

    /** The first day of {@code zone} that starts at or after {@code floor}. */
    private static LocalDate firstDayFrom(long floor, ZoneId zone) {
        LocalDate day = SiteCalendar.dateOf(floor, zone);
        return SiteCalendar.dayStart(day, zone) < floor ? day.plusDays(1) : day;
    }

    /** The latest day of {@code zone} that ended at least the grace before {@code closeTime}. */
    private LocalDate lastClosableDay(ZoneId zone, long closeTime) {
        return SiteCalendar.dateOf(closeTime - graceMs, zone).minusDays(1);
    }

    /** Earliest time the equipment has anything to report on: its oldest stored reading or first assignment. */
    private Optional<Long> firstDataAt(Work work) {
        Optional<Long> firstReading = stores.readings.nearestAfter(work.equipment, Long.MIN_VALUE, r -> true, 1)
                .map(r -> r.deviceTs());
        Optional<Long> firstAssignment = work.history.assignments().stream().map(AssignmentInterval::validFrom).findFirst();
        return firstReading.map(r -> firstAssignment.map(a -> Math.min(a, r)).orElse(r)).or(() -> firstAssignment);
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    /** One equipment's publication round: its reference data, read once, and the windows' inputs, fetched once. */
    private final class Work {
        final String equipment;
        final EquipmentStatus status;
        final AssignmentHistory history;
        final EquipmentProfileSettings profile;
        private final Map<TimeRange, ReadingSeries> series = new HashMap<>();
        private final Map<TimeRange, List<FaultReport>> reports = new HashMap<>();

        Work(String equipment, EquipmentStatus status) {
            this.equipment = equipment;
            this.status = status;
            this.history = stores.history(equipment);
            this.profile = stores.profile(equipment).withTankFallback(status.latest().tankLitres());
        }

        ReadingSeries series(TimeRange window) {
            return series.computeIfAbsent(window, w -> stores.series(equipment, w, lookbackMs));
        }

        List<FaultReport> reports(TimeRange window) {
            return reports.computeIfAbsent(window, w -> stores.reports(equipment, w));
        }
    }
}
