package io.rigstream.topology.processing;

import io.rigstream.schemas.ContractBasis;
import io.rigstream.schemas.topics.Topics;
import io.rigstream.topology.metrics.TopologyMetrics;
import io.rigstream.topology.rules.BillingRules;
import io.rigstream.topology.rules.JobDayFigures;
import io.rigstream.topology.rules.JobPeriodFigures;
import io.rigstream.topology.rules.SiteCalendar;
import io.rigstream.topology.state.Emitted;
import io.rigstream.topology.state.StoreKeys;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.state.KeyValueIterator;

/**
 * Billing figures per job, equipment and basis period (rule 7): the sums of the period's days as last emitted,
 * published after those days, with a revision that rises with every change. Nothing is accumulated: a period is
 * summed again from the emitted days each time one of them changes, so it can never drift from them.
 */
final class JobPeriodPublisher {

    /** One basis period of one job. */
    record Period(String jobId, ContractBasis basis, LocalDate start, ZoneId zone) {

        static Period of(JobDayFigures day) {
            return new Period(day.jobId(), day.basis(), day.periodStart(), day.zone());
        }
    }

    private final EquipmentStores stores;
    private final Emitter out;
    private final TopologyMetrics metrics;

    JobPeriodPublisher(EquipmentStores stores, Emitter out, TopologyMetrics metrics) {
        this.stores = stores;
        this.out = out;
        this.metrics = metrics;
    }

    /** Sums the period's emitted days and emits the period when its figures changed. */
    void publish(String equipment, Period period) {
        String tenantJob = UsageRecords.tenantJob(equipment, period.jobId());
        LocalDate end = BillingRules.periodEnd(period.basis(), period.start());
        List<JobDayFigures> days = new ArrayList<>();
        try (KeyValueIterator<Bytes, Emitted<JobDayFigures>> it = stores.jobDaily.range(
                StoreKeys.pairKey(tenantJob, equipment, period.start().toEpochDay()),
                StoreKeys.pairKey(tenantJob, equipment, end.toEpochDay()))) {
            it.forEachRemaining(kv -> days.add(kv.value.figures()));
        }
        JobPeriodFigures figures = JobPeriodFigures.of(period.jobId(), period.basis(), period.start(), period.zone(),
                days);
        Bytes key = key(tenantJob, equipment, period.basis(), period.start().toEpochDay());
        Emitted<JobPeriodFigures> previous = stores.jobPeriods.get(key);
        if (previous != null && previous.figures().equals(figures)) {
            return;
        }
        if (previous == null && figures.daysCounted() == 0) {
            return;
        }
        Emitted<JobPeriodFigures> emitted = previous == null ? Emitted.first(figures) : previous.revised(figures);
        stores.jobPeriods.put(key, emitted);
        LocalDate stamped = figures.lastDay() == null ? period.start() : figures.lastDay();
        out.emit(Topics.JOB_USAGE_PERIOD,
                UsageRecords.jobPeriodKey(equipment, period.jobId(), period.basis(), period.start()),
                UsageRecords.jobUsagePeriod(equipment, figures, emitted.revision()),
                SiteCalendar.day(stamped, period.zone()).to());
        metrics.emitted(Topics.JOB_USAGE_PERIOD.name(), previous != null);
    }

    /** Forgets the periods of a job that started before {@code firstKept}: none of their days can change any more. */
    static void purgeBefore(EquipmentStores stores, String equipment, String jobId, LocalDate firstKept) {
        String tenantJob = UsageRecords.tenantJob(equipment, jobId);
        for (ContractBasis basis : ContractBasis.values()) {
            Bytes below = key(tenantJob, equipment, basis, firstKept.toEpochDay());
            List<Bytes> doomed = new ArrayList<>();
            try (KeyValueIterator<Bytes, Emitted<JobPeriodFigures>> it = stores.jobPeriods.range(
                    key(tenantJob, equipment, basis, Long.MIN_VALUE), below)) {
                it.forEachRemaining(kv -> {
                    if (kv.key.compareTo(below) < 0) {
                        doomed.add(kv.key);
                    }
                });
            }
            doomed.forEach(stores.jobPeriods::delete);
        }
    }

    /** Job first, as for job days; the basis keeps a DAY and a WEEK period starting on one Monday apart. */
    private static Bytes key(String tenantJob, String equipment, ContractBasis basis, long startEpochDay) {
        return StoreKeys.pairKey(tenantJob, equipment + '\0' + basis.name(), startEpochDay);
    }
}
