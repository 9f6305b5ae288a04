package io.rigstream.topology.processing;

import static io.rigstream.topology.TopologyNames.ASSIGNMENT_HISTORY_STORE;
import static io.rigstream.topology.TopologyNames.DAILY_EMITTED_STORE;
import static io.rigstream.topology.TopologyNames.EQUIPMENT_STATUS_STORE;
import static io.rigstream.topology.TopologyNames.FAULT_REPORTS_STORE;
import static io.rigstream.topology.TopologyNames.HOURLY_EMITTED_STORE;
import static io.rigstream.topology.TopologyNames.JOB_DAILY_EMITTED_STORE;
import static io.rigstream.topology.TopologyNames.JOB_PERIOD_EMITTED_STORE;
import static io.rigstream.topology.TopologyNames.PROFILE_STORE;
import static io.rigstream.topology.TopologyNames.READINGS_STORE;

import io.rigstream.topology.model.AssignmentHistory;
import io.rigstream.topology.model.EquipmentProfileSettings;
import io.rigstream.topology.model.FaultReport;
import io.rigstream.topology.model.Reading;
import io.rigstream.topology.rules.JobDayFigures;
import io.rigstream.topology.rules.JobPeriodFigures;
import io.rigstream.topology.rules.ReadingSeries;
import io.rigstream.topology.rules.TimeRange;
import io.rigstream.topology.rules.WindowFigures;
import io.rigstream.topology.state.Emitted;
import io.rigstream.topology.state.StateSerdes;
import io.rigstream.topology.state.TimeSeriesStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.ValueAndTimestamp;

/** The equipment processor's state: its own stores and the reference-data tables it reads. */
final class EquipmentStores {

    final TimeSeriesStore<Reading> readings;
    final TimeSeriesStore<FaultReport> faults;
    final StatusTable statuses;
    final KeyValueStore<Bytes, Emitted<WindowFigures>> hourly;
    final KeyValueStore<Bytes, Emitted<WindowFigures>> daily;
    final KeyValueStore<Bytes, Emitted<JobDayFigures>> jobDaily;
    final KeyValueStore<Bytes, Emitted<JobPeriodFigures>> jobPeriods;
    private final KeyValueStore<String, ValueAndTimestamp<AssignmentHistory>> histories;
    private final KeyValueStore<String, ValueAndTimestamp<EquipmentProfileSettings>> profiles;

    EquipmentStores(ProcessorContext<?, ?> context) {
        this.readings = new TimeSeriesStore<>(context.getStateStore(READINGS_STORE), Reading::deviceTs);
        this.faults = new TimeSeriesStore<>(context.getStateStore(FAULT_REPORTS_STORE), FaultReport::deviceTs);
        this.statuses = new StatusTable(context.getStateStore(EQUIPMENT_STATUS_STORE), StatusTable.DECODED_ENTRIES);
        this.hourly = context.getStateStore(HOURLY_EMITTED_STORE);
        this.daily = context.getStateStore(DAILY_EMITTED_STORE);
        this.jobDaily = context.getStateStore(JOB_DAILY_EMITTED_STORE);
        this.jobPeriods = context.getStateStore(JOB_PERIOD_EMITTED_STORE);
        this.histories = context.getStateStore(ASSIGNMENT_HISTORY_STORE);
        this.profiles = context.getStateStore(PROFILE_STORE);
    }

    /** The stores this processor owns, created with it; the two tables are connected by name. */
    static Set<StoreBuilder<?>> builders() {
        return Set.of(
                Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(READINGS_STORE), Serdes.Bytes(),
                        StateSerdes.reading()),
                Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(FAULT_REPORTS_STORE), Serdes.Bytes(),
                        StateSerdes.faultReport()),
                // Read and written for every reading: the cache absorbs most of those writes between commits.
                Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(EQUIPMENT_STATUS_STORE), Serdes.String(),
                        StateSerdes.equipmentStatus()).withCachingEnabled(),
                Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(HOURLY_EMITTED_STORE), Serdes.Bytes(),
                        StateSerdes.emittedWindow()),
                Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(DAILY_EMITTED_STORE), Serdes.Bytes(),
                        StateSerdes.emittedWindow()),
                Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(JOB_DAILY_EMITTED_STORE), Serdes.Bytes(),
                        StateSerdes.emittedJobDay()),
                Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(JOB_PERIOD_EMITTED_STORE), Serdes.Bytes(),
                        StateSerdes.emittedJobPeriod()));
    }

    AssignmentHistory history(String equipment) {
        ValueAndTimestamp<AssignmentHistory> history = histories.get(equipment);
        return history == null || history.value() == null ? AssignmentHistory.EMPTY : history.value();
    }

    EquipmentProfileSettings profile(String equipment) {
        ValueAndTimestamp<EquipmentProfileSettings> profile = profiles.get(equipment);
        return profile == null || profile.value() == null ? EquipmentProfileSettings.DEFAULT : profile.value();
    }

    /**
     * The readings a computation over {@code window} needs: those inside it, the one before it, the ones whose engine
     * state may carry into it, and the first one after it.
     */
    ReadingSeries series(String equipment, TimeRange window, long lookbackMs) {
        long from = readings.before(equipment, window.from()).map(r -> r.deviceTs() - lookbackMs).orElse(window.from());
        List<Reading> values = new ArrayList<>(readings.range(equipment, from, window.to()));
        readings.after(equipment, window.to() - 1).ifPresent(values::add);
        return new ReadingSeries(values);
    }

    /** The fault reports in force during {@code window}: the last one before it and those inside it. */
    List<FaultReport> reports(String equipment, TimeRange window) {
        return faults.withPredecessor(equipment, window.from(), window.to());
    }
}
