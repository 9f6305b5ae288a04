package io.rigstream.topology.processing;

import io.rigstream.schemas.topics.Topics;
import io.rigstream.topology.TopologyConfig;
import io.rigstream.topology.metrics.TopologyMetrics;
import io.rigstream.topology.model.AssignmentHistory;
import io.rigstream.topology.rules.FiguresCalculator;
import io.rigstream.topology.rules.ReadingSeries;
import io.rigstream.topology.rules.SiteCalendar;
import io.rigstream.topology.rules.TimeRange;
import io.rigstream.topology.rules.WindowFigures;
import io.rigstream.topology.state.Emitted;
import io.rigstream.topology.state.EquipmentStatus;
import io.rigstream.topology.state.StoreKeys;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.common.utils.Bytes;

/**
 * Turns an equipment's stored readings into emitted figures (rule 4): recomputes the windows that new data or new
 * reference data touched, re-emitting those already published under a higher revision when they changed, and
 * closes the days that ended more than the grace ago. Hourly and daily utilization are published here, job days
 * by the {@link JobDayPublisher}.
 */
final class WindowPublisher {

    private static final long HOUR_MS = 3_600_000;
    private static final long DAY_MS = 86_400_000;

    private final EquipmentStores stores;
    private final Emitter out;
    private final TopologyMetrics metrics;
    private final FiguresCalculator calculator;
    private final JobDayPublisher jobDays;
    private final ZoneId fleetZone;
    private final long graceMs;
    private final long horizonMs;
    private final long lookbackMs;

    WindowPublisher(TopologyConfig config, EquipmentStores stores, Emitter out) {
        this.stores = stores;
        this.out = out;
        this.metrics = config.metrics();
        this.calculator = new FiguresCalculator(config.usageSettings());
        this.jobDays = new JobDayPublisher(config, stores, out, calculator);
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
     *                  no time is known (a task just taken over, before its first record), when nothing is done:
     *                  the recomputation the equipment owes stays owed until it can be done in full
     */
    void publish(String equipment, EquipmentStatus status, AssignmentHistory history, long closeTime) {
        if (closeTime == Long.MIN_VALUE) {
            return;
        }
        PublicationRound work = new PublicationRound(stores, lookbackMs, equipment, status, history);
        long floor = recomputableFrom(status, closeTime);
        long limit = Math.max(closeTime, status.maxDeviceTs());
        Optional<TimeRange> dirty = status.takeDirty()
                .filter(range -> Math.min(range[1], limit) >= Math.max(range[0], floor))
                .map(range -> new TimeRange(Math.max(range[0], floor), Math.min(range[1], limit)));
        dirty.ifPresent(range -> publishHours(work, range));
        publishEquipmentDays(work, dirty, floor, closeTime);
        Set<String> jobs = new LinkedHashSet<>(work.history.jobIds());
        jobs.addAll(status.jobsWithCursor());
        for (String job : jobs) {
            jobDays.publish(work, job, dirty, floor, closeTime);
        }
    }

    /**
     * Hours are published where the readings are: an hour that ends before the oldest stored reading has none, nor a
     * predecessor, and was never published (readings leave the store only below the recomputable floor). Without
     * that bound, a change of reference data, which marks everything dirty, walked all 192 hours of the horizon for
     * every equipment, with a store scan each: at 100,000 equipment the round outlasted its interval.
     */
    private void publishHours(PublicationRound work, TimeRange dirty) {
        if (!work.status.hasReadings()) {
            return;
        }
        Optional<Long> firstReading = work.firstReadingAt();
        if (firstReading.isEmpty()) {
            return;
        }
        long end = Math.min(dirty.to(), work.status.maxDeviceTs());
        for (long hour = SiteCalendar.hourStart(Math.max(dirty.from(), firstReading.get()), fleetZone); hour <= end; ) {
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
    private void publishEquipmentDays(PublicationRound work, Optional<TimeRange> dirty, long floor, long closeTime) {
        Optional<LocalDate> cursor = work.status.equipmentDayCursor();
        // the first day costs a store seek: only a first round or a recomputation needs it
        Optional<LocalDate> firstDay = cursor.isPresent() && dirty.isEmpty() ? Optional.empty()
                : work.firstDataAt().map(ts -> max(SiteCalendar.dateOf(ts, fleetZone),
                        SiteCalendar.firstDayStartingAtOrAfter(floor, fleetZone)));
        if (cursor.isEmpty() && firstDay.isEmpty()) {
            return;
        }
        LocalDate last = cursor.orElseGet(() -> firstDay.get().minusDays(1));
        if (dirty.isPresent() && firstDay.isPresent()) {
            for (LocalDate day = max(SiteCalendar.dateOf(dirty.get().from(), fleetZone), firstDay.get());
                    !day.isAfter(last) && !day.isAfter(SiteCalendar.dateOf(dirty.get().to(), fleetZone));
                    day = day.plusDays(1)) {
                publishEquipmentDay(work, day);
            }
        }
        LocalDate closable = SiteCalendar.lastDayEndedBy(closeTime - graceMs, fleetZone);
        for (LocalDate day = last.plusDays(1); !day.isAfter(closable); day = day.plusDays(1)) {
            publishEquipmentDay(work, day);
            last = day;
        }
        if (!work.status.equipmentDayCursor().equals(Optional.of(last))) {
            work.status.equipmentDayCursor(last);
        }
    }

    private void publishEquipmentDay(PublicationRound work, LocalDate day) {
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

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }
}
