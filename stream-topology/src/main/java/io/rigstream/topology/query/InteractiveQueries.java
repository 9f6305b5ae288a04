package io.rigstream.topology.query;

import static io.rigstream.topology.TopologyNames.ASSIGNMENT_HISTORY_STORE;
import static io.rigstream.topology.TopologyNames.EQUIPMENT_STATUS_STORE;
import static io.rigstream.topology.TopologyNames.JOB_DAILY_EMITTED_STORE;

import io.rigstream.topology.model.AssignmentHistory;
import io.rigstream.topology.model.AssignmentInterval;
import io.rigstream.topology.processing.EventRecords;
import io.rigstream.topology.processing.UsageRecords;
import io.rigstream.topology.rules.JobDayFigures;
import io.rigstream.topology.state.Emitted;
import io.rigstream.topology.state.EquipmentStatus;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;

/**
 * Reads the topology's state stores on this instance and says which instance owns what. An equipment lives in
 * one task, so its state has one owner; a job's equipment are spread over all partitions, so its usage is the
 * union of every instance's local answer.
 */
public final class InteractiveQueries {

    /** Where an equipment's state is: here, on another instance, or nowhere yet (rebalancing, unknown). */
    public sealed interface Owner {
        record Local() implements Owner {
        }

        record Remote(HostInfo host) implements Owner {
        }

        record Unavailable() implements Owner {
        }
    }

    private final KafkaStreams streams;
    private final HostInfo self;

    /** @param self this instance's {@code application.server}; {@link HostInfo#unavailable()} for a single instance */
    public InteractiveQueries(KafkaStreams streams, HostInfo self) {
        this.streams = streams;
        this.self = self;
    }

    public Owner ownerOf(String equipment) {
        if (self.equals(HostInfo.unavailable())) {
            return new Owner.Local();
        }
        KeyQueryMetadata metadata = streams.queryMetadataForKey(EQUIPMENT_STATUS_STORE, equipment, Serdes.String().serializer());
        if (metadata == null || metadata.equals(KeyQueryMetadata.NOT_AVAILABLE)) {
            return new Owner.Unavailable();
        }
        return metadata.activeHost().equals(self) ? new Owner.Local() : new Owner.Remote(metadata.activeHost());
    }

    /** The equipment's latest state from this instance's store, as the equipment-state topic carries it. */
    public Optional<Map<String, Object>> localEquipment(String equipment) {
        EquipmentStatus status = store(EQUIPMENT_STATUS_STORE, QueryableStoreTypes.<String, EquipmentStatus>keyValueStore())
                .get(equipment);
        if (status == null || !status.latest().hasReading()) {
            return Optional.empty();
        }
        ValueAndTimestamp<AssignmentHistory> history = store(ASSIGNMENT_HISTORY_STORE,
                QueryableStoreTypes.<String, AssignmentHistory>timestampedKeyValueStore()).get(equipment);
        String job = history == null ? null : history.value().at(status.latest().lastDeviceTs())
                .map(AssignmentInterval::jobId).orElse(null);
        return Optional.of(AvroJson.toMap(EventRecords.state(equipment, status.latest(), job)));
    }

    /** This instance's published days of a job ({@code <tenant>/<jobId>}) within {@code [from, to]}, as last emitted. */
    public List<Map<String, Object>> localJobUsage(String tenantJob, LocalDate from, LocalDate to) {
        byte[] job = (tenantJob + '\0').getBytes(StandardCharsets.UTF_8);
        List<Map<String, Object>> days = new ArrayList<>();
        ReadOnlyKeyValueStore<Bytes, Emitted<JobDayFigures>> store = store(JOB_DAILY_EMITTED_STORE,
                QueryableStoreTypes.keyValueStore());
        try (KeyValueIterator<Bytes, Emitted<JobDayFigures>> it = store.prefixScan(Bytes.wrap(job), Serdes.Bytes().serializer())) {
            it.forEachRemaining(kv -> {
                JobDayFigures figures = kv.value.figures();
                if (!figures.day().isBefore(from) && !figures.day().isAfter(to)) {
                    days.add(AvroJson.toMap(UsageRecords.jobUsageDaily(equipmentOf(kv.key, job.length),
                            figures, kv.value.revision())));
                }
            });
        }
        return days;
    }

    /** Every instance that runs the topology, this one included. */
    public List<HostInfo> instances() {
        if (self.equals(HostInfo.unavailable())) {
            return List.of(self);
        }
        return streams.metadataForAllStreamsClients().stream().map(m -> m.hostInfo()).distinct().toList();
    }

    public HostInfo self() {
        return self;
    }

    /** The equipment key between the job prefix and the day of a job-day key. */
    private static String equipmentOf(Bytes key, int prefixLength) {
        byte[] bytes = key.get();
        return new String(bytes, prefixLength, bytes.length - prefixLength - Long.BYTES - 1, StandardCharsets.UTF_8);
    }

    private <T> T store(String name, org.apache.kafka.streams.state.QueryableStoreType<T> type) {
        return streams.store(StoreQueryParameters.fromNameAndType(name, type));
    }
}
