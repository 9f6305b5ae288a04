package io.rigstream.topology.processing;

import io.rigstream.schemas.topics.Topics;
import io.rigstream.topology.TopologyConfig;
import io.rigstream.topology.metrics.TopologyMetrics;
import io.rigstream.topology.model.AssignmentInterval;
import io.rigstream.topology.rules.FiguresCalculator;
import io.rigstream.topology.rules.JobDayFigures;
import io.rigstream.topology.rules.SiteCalendar;
import io.rigstream.topology.rules.TimeRange;
import io.rigstream.topology.state.Emitted;
import io.rigstream.topology.state.StoreKeys;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.state.KeyValueIterator;

/**
 * Billing figures per job, equipment and site-local day (rule 7): closes the days of each job the equipment is
 * assigned to, revises closed days that changed, and keeps overtime right across a basis period. The periods whose
 * days were emitted are then published once each by the {@link JobPeriodPublisher}.
 */
final class JobDayPublisher {

    private final EquipmentStores stores;
    private final Emitter out;
    private final TopologyMetrics metrics;
    private final FiguresCalculator calculator;
    private final JobPeriodPublisher periods;
    private final long graceMs;
    /** Periods whose days were emitted since the last {@link #publishPeriods}, by job, basis and first day. */
    private final Map<String, JobPeriodPublisher.Period> touched = new LinkedHashMap<>();

    JobDayPublisher(TopologyConfig config, EquipmentStores stores, Emitter out, FiguresCalculator calculator) {
        this.stores = stores;
        this.out = out;
        this.metrics = config.metrics();
        this.calculator = calculator;
        this.periods = new JobPeriodPublisher(stores, out, config.metrics());
        this.graceMs = config.grace().toMillis();
    }

    /** Job days run from the assignment's first day (or the oldest recomputable one) to its last closed day. */
    void publish(PublicationRound round, String job, Optional<TimeRange> dirty, long floor, long closeTime) {
        publishDays(round, job, dirty, floor, closeTime);
        publishPeriods(round.equipment);
    }

    private void publishDays(PublicationRound round, String job, Optional<TimeRange> dirty, long floor,
            long closeTime) {
        List<AssignmentInterval> pieces = round.history.ofJob(job);
        if (pieces.isEmpty()) {
            clearWithdrawn(round, job, floor);
            return;
        }
        ZoneId zone = pieces.get(pieces.size() - 1).zone();
        long assignedFrom = pieces.stream().mapToLong(AssignmentInterval::validFrom).min().orElseThrow();
        long assignedTo = pieces.stream().mapToLong(AssignmentInterval::validTo).max().orElseThrow();
        LocalDate closable = SiteCalendar.lastDayEndedBy(closeTime - graceMs, zone);
        if (assignedTo != AssignmentInterval.OPEN && SiteCalendar.dateOf(assignedTo - 1, zone).isBefore(closable)) {
            closable = SiteCalendar.dateOf(assignedTo - 1, zone);
        }
        LocalDate floorDay = SiteCalendar.firstDayStartingAtOrAfter(floor, zone);
        LocalDate cursor = round.status.jobDayCursor(job)
                .orElse(latest(SiteCalendar.dateOf(assignedFrom, zone), floorDay).minusDays(1));
        if (dirty.isPresent()) {
            revise(round, job, zone, dirty.get(), floorDay, cursor);
        }
        for (LocalDate day = cursor.plusDays(1); !day.isAfter(closable); day = day.plusDays(1)) {
            publishDay(round, job, zone, day);
            cursor = day;
        }
        if (!round.status.jobDayCursor(job).equals(Optional.of(cursor))) {
            round.status.jobDayCursor(job, cursor);
        }
    }

    /**
     * Recomputes the closed days in the dirty range. A changed billable total changes the overtime of the later days
     * of its basis period, so those follow even outside the range.
     */
    private void revise(PublicationRound round, String job, ZoneId zone, TimeRange dirty, LocalDate floorDay,
            LocalDate cursor) {
        LocalDate dirtyLast = SiteCalendar.dateOf(dirty.to(), zone);
        LocalDate changedPeriod = null;
        for (LocalDate day = latest(SiteCalendar.dateOf(dirty.from(), zone), floorDay); !day.isAfter(cursor);
                day = day.plusDays(1)) {
            boolean inDirty = !day.isAfter(dirtyLast);
            if (!inDirty && changedPeriod == null) {
                return;
            }
            Emitted<JobDayFigures> before = stores.jobDaily.get(key(round.equipment, job, day));
            Optional<JobDayFigures> figures = publishDay(round, job, zone, day);
            if (figures.isEmpty()) {
                continue;
            }
            if (changedPeriod != null && !figures.get().periodStart().equals(changedPeriod)) {
                changedPeriod = null;
            }
            if (before == null || before.figures().billableMs() != figures.get().billableMs()) {
                changedPeriod = figures.get().periodStart();
            }
        }
    }

    /** @return the day's figures, empty when the job had no assignment of this equipment that day */
    private Optional<JobDayFigures> publishDay(PublicationRound round, String job, ZoneId zone, LocalDate day) {
        TimeRange window = SiteCalendar.day(day, zone);
        Bytes key = key(round.equipment, job, day);
        Emitted<JobDayFigures> previous = stores.jobDaily.get(key);
        Optional<JobDayFigures> figures = calculator.jobDay(round.series(window), round.reports(window), round.history,
                round.profile, job, day, (j, periodStart, d) -> earlierBillable(round.equipment, j, periodStart, d));
        // a day the job no longer has, but published before, becomes empty rather than silently stale
        figures.or(() -> Optional.ofNullable(previous).map(p -> p.figures().cleared()))
                .ifPresent(next -> emitIfChanged(round.equipment, key, previous, next));
        return figures;
    }

    /** A job no longer assigned to this equipment at all: the days it had published since the floor become empty. */
    private void clearWithdrawn(PublicationRound round, String job, long floor) {
        String tenantJob = UsageRecords.tenantJob(round.equipment, job);
        Map<Bytes, Emitted<JobDayFigures>> published = new LinkedHashMap<>();
        try (KeyValueIterator<Bytes, Emitted<JobDayFigures>> it = stores.jobDaily.range(
                StoreKeys.pairKey(tenantJob, round.equipment, Long.MIN_VALUE),
                StoreKeys.pairKey(tenantJob, round.equipment, Long.MAX_VALUE))) {
            it.forEachRemaining(kv -> published.put(kv.key, kv.value));
        }
        published.forEach((key, previous) -> {
            JobDayFigures cleared = previous.figures().cleared();
            if (SiteCalendar.dayStart(cleared.day(), cleared.zone()) >= floor) {
                emitIfChanged(round.equipment, key, previous, cleared);
            }
        });
        round.status.forgetJob(job);
    }

    /** Each period whose days were emitted, once after all of them; a day that left a period counts for it too. */
    private void publishPeriods(String equipment) {
        List<JobPeriodPublisher.Period> due = List.copyOf(touched.values());
        touched.clear();
        due.forEach(period -> periods.publish(equipment, period));
    }

    private void emitIfChanged(String equipment, Bytes key, Emitted<JobDayFigures> previous, JobDayFigures figures) {
        if (previous != null && previous.figures().publishesAs(figures)) {
            if (!previous.figures().equals(figures)) {
                // a day stored without its allowance: record it, publish nothing
                stores.jobDaily.put(key, new Emitted<>(previous.revision(), figures));
            }
            return;
        }
        if (previous != null) {
            touch(JobPeriodPublisher.Period.of(previous.figures()));
        }
        touch(JobPeriodPublisher.Period.of(figures));
        Emitted<JobDayFigures> emitted = previous == null ? Emitted.first(figures) : previous.revised(figures);
        stores.jobDaily.put(key, emitted);
        out.emit(Topics.JOB_USAGE_DAILY, UsageRecords.jobDailyKey(equipment, figures.jobId(), figures.day()),
                UsageRecords.jobUsageDaily(equipment, figures, emitted.revision()),
                SiteCalendar.day(figures.day(), figures.zone()).to());
        metrics.emitted(Topics.JOB_USAGE_DAILY.name(), previous != null);
    }

    private void touch(JobPeriodPublisher.Period period) {
        touched.put(period.jobId() + "/" + period.basis() + "/" + period.start(), period);
    }

    private long earlierBillable(String equipment, String job, LocalDate periodStart, LocalDate day) {
        if (!periodStart.isBefore(day)) {
            return 0;
        }
        long sum = 0;
        try (KeyValueIterator<Bytes, Emitted<JobDayFigures>> it = stores.jobDaily.range(
                key(equipment, job, periodStart), key(equipment, job, day.minusDays(1)))) {
            while (it.hasNext()) {
                sum += it.next().value.figures().billableMs();
            }
        }
        return sum;
    }

    /** Job first, so that a job's days can be listed (interactive queries) and a period's days summed. */
    private static Bytes key(String equipment, String job, LocalDate day) {
        return StoreKeys.pairKey(UsageRecords.tenantJob(equipment, job), equipment, day.toEpochDay());
    }

    private static LocalDate latest(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }
}
