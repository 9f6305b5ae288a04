package io.rigstream.topology.processing;

import io.rigstream.topology.state.EquipmentStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The equipment statuses of one task: the store, with its most recently used entries also kept decoded. Every reading
 * reads its equipment's status, and decoding it from Streams' record cache was 7 % of the stream thread (topology
 * benchmark). Writes still go to the store each time, so the store stays the state that commits and restores.
 *
 * <p>The decoded copies are this processor's alone: it is the only writer of the store, and a task whose state is
 * wiped or moved gets a new processor initialisation and with it a new table. A status that a failed processing step
 * may have changed half-way is {@linkplain #forget forgotten} and read from the store again.
 */
final class StatusTable {

    /**
     * Decoded statuses kept per task: about 1 KB of heap each (measured: 985 bytes for a status with a seq window of
     * 1024, a newest reading and a job cursor), so at most about 20 MB per task: room for 100,000 equipment on six
     * partitions. Past this the least recently used ones are read from the store again.
     */
    static final int DECODED_ENTRIES = 20_000;

    private final KeyValueStore<String, EquipmentStatus> store;
    private final Map<String, EquipmentStatus> decoded;

    StatusTable(KeyValueStore<String, EquipmentStatus> store, int decodedEntries) {
        this.store = store;
        this.decoded = new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, EquipmentStatus> eldest) {
                return size() > decodedEntries;
            }
        };
    }

    /** The equipment's status, or null when it has none yet. */
    EquipmentStatus get(String equipment) {
        EquipmentStatus status = decoded.get(equipment);
        if (status == null) {
            status = store.get(equipment);
            if (status != null) {
                decoded.put(equipment, status);
            }
        }
        return status;
    }

    /** Stores the status; it counts as unmodified from here on. */
    void put(String equipment, EquipmentStatus status) {
        status.takeModified();
        store.put(equipment, status);
        decoded.put(equipment, status);
    }

    /** Drops the decoded copy: the next {@link #get} reads the store. */
    void forget(String equipment) {
        decoded.remove(equipment);
    }

    /**
     * Up to {@code max} statuses in key order after {@code key}, or from the first when it is null: the store is the
     * index of the equipment the rounds visit. A status also held decoded is given as that same instance.
     */
    List<KeyValue<String, EquipmentStatus>> after(String key, int max) {
        List<KeyValue<String, EquipmentStatus>> statuses = new ArrayList<>();
        try (KeyValueIterator<String, EquipmentStatus> entries = key == null ? store.all() : store.range(key, null)) {
            while (entries.hasNext() && statuses.size() < max) {
                KeyValue<String, EquipmentStatus> entry = entries.next();
                if (!entry.key.equals(key)) {
                    EquipmentStatus held = decoded.get(entry.key);
                    statuses.add(held == null ? entry : KeyValue.pair(entry.key, held));
                }
            }
        }
        return statuses;
    }
}
