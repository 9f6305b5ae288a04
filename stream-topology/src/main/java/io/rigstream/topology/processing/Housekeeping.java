package io.rigstream.topology.processing;

import io.rigstream.topology.TopologyConfig;
import io.rigstream.topology.model.Contract;
import io.rigstream.topology.rules.SiteCalendar;
import io.rigstream.topology.state.EquipmentStatus;
import io.rigstream.topology.state.StoreKeys;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keeps per-equipment state bounded: readings and fault reports older than any window that can still change go,
 * except the newest of them, which the oldest kept window needs as its predecessor; emitted figures go once no
 * recomputation can compare against them, job days only after the longest basis period that may still sum them, and
 * job periods with their days.
 */
final class Housekeeping {

    private final EquipmentStores stores;
    private final WindowPublisher publisher;
    private final ZoneId fleetZone;

    Housekeeping(TopologyConfig config, EquipmentStores stores, WindowPublisher publisher) {
        this.stores = stores;
        this.publisher = publisher;
        this.fleetZone = config.fleetTimeZone();
    }

    void purge(String equipment, EquipmentStatus status, long closeTime) {
        if (!status.hasReadings() && closeTime == Long.MIN_VALUE) {
            return;
        }
        long floor = publisher.recomputableFrom(status, closeTime);
        if (status.hasReadings()) {
            long retainFrom = publisher.retainFrom(status, closeTime);
            stores.readings.purgeBefore(equipment, retainFrom);
            stores.faults.purgeBefore(equipment, retainFrom);
        }
        deleteBelow(stores.hourly, StoreKeys.timeKey(equipment, Long.MIN_VALUE), StoreKeys.timeKey(equipment, floor));
        LocalDate floorDay = SiteCalendar.dateOf(floor, fleetZone);
        deleteBelow(stores.daily, StoreKeys.timeKey(equipment, Long.MIN_VALUE),
                StoreKeys.timeKey(equipment, floorDay.toEpochDay()));
        long keepJobDaysFrom = floorDay.minusDays(Contract.PERIOD_DAYS).toEpochDay();
        for (String job : status.jobsWithCursor()) {
            String tenantJob = UsageRecords.tenantJob(equipment, job);
            deleteBelow(stores.jobDaily, StoreKeys.pairKey(tenantJob, equipment, Long.MIN_VALUE),
                    StoreKeys.pairKey(tenantJob, equipment, keepJobDaysFrom));
            // a period still summed starts no earlier than the oldest day kept
            JobPeriodPublisher.purgeBefore(stores, equipment, job, LocalDate.ofEpochDay(keepJobDaysFrom));
        }
    }

    /** Deletes keys in {@code [from, below)}. */
    private static <V> void deleteBelow(KeyValueStore<Bytes, V> store, Bytes from, Bytes below) {
        List<Bytes> doomed = new ArrayList<>();
        try (KeyValueIterator<Bytes, V> it = store.range(from, below)) {
            it.forEachRemaining(kv -> {
                if (kv.key.compareTo(below) < 0) {
                    doomed.add(kv.key);
                }
            });
        }
        doomed.forEach(store::delete);
    }
}
