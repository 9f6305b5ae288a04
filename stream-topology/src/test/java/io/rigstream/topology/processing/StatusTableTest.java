package io.rigstream.topology.processing;

import static org.assertj.core.api.Assertions.assertThat;

import io.rigstream.topology.state.EquipmentStatus;
import io.rigstream.topology.state.StateSerdes;
import io.rigstream.topology.testing.InMemoryStores;
import java.io.File;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The decoded statuses kept beside the store. The store encodes what it is given, so a status read from it is a new
 * instance: getting back the very instance that was put shows it came from the decoded copies.
 */
class StatusTableTest {

    @TempDir
    File stateDir;
    private KeyValueStore<String, EquipmentStatus> store;

    @BeforeEach
    void store() {
        store = InMemoryStores.keyValue("statuses", Serdes.String(), StateSerdes.equipmentStatus(), stateDir);
    }

    private static EquipmentStatus status(long newestReport) {
        EquipmentStatus status = new EquipmentStatus(64);
        status.silentSince(newestReport);
        return status;
    }

    @Test
    void aPutStatusIsWrittenToTheStoreAndGivenBackDecoded() {
        StatusTable table = new StatusTable(store, 10);
        EquipmentStatus status = status(1_000);

        table.put("acme/ex-1", status);

        assertThat(table.get("acme/ex-1")).isSameAs(status);
        assertThat(store.get("acme/ex-1").silentSince()).contains(1_000L);
        assertThat(table.get("acme/ex-2")).isNull();
    }

    @Test
    void aStatusOnlyInTheStoreIsDecodedOnceAndThenHeld() {
        store.put("acme/ex-1", status(1_000));
        StatusTable table = new StatusTable(store, 10);

        EquipmentStatus first = table.get("acme/ex-1");

        assertThat(first.silentSince()).contains(1_000L);
        assertThat(table.get("acme/ex-1")).isSameAs(first);
    }

    @Test
    void aForgottenStatusIsReadFromTheStoreAgainWithoutItsUnstoredChanges() {
        StatusTable table = new StatusTable(store, 10);
        EquipmentStatus status = status(1_000);
        table.put("acme/ex-1", status);
        status.silentSince(2_000); // changed, then the step failed before storing it

        table.forget("acme/ex-1");

        EquipmentStatus reread = table.get("acme/ex-1");
        assertThat(reread).isNotSameAs(status);
        assertThat(reread.silentSince()).contains(1_000L);
    }

    @Test
    void pastItsBoundTheLeastRecentlyUsedStatusIsReadFromTheStoreAgain() {
        StatusTable table = new StatusTable(store, 2);
        EquipmentStatus one = status(1);
        EquipmentStatus two = status(2);
        table.put("acme/ex-1", one);
        table.put("acme/ex-2", two);
        table.get("acme/ex-1"); // now ex-2 is the least recently used

        table.put("acme/ex-3", status(3));

        assertThat(table.get("acme/ex-1")).isSameAs(one);
        EquipmentStatus reread = table.get("acme/ex-2");
        assertThat(reread).isNotSameAs(two);
        assertThat(reread.silentSince()).contains(2L);
    }

    @Test
    void aStoredStatusCountsAsUnmodified() {
        StatusTable table = new StatusTable(store, 10);
        EquipmentStatus status = status(1_000);

        table.put("acme/ex-1", status);

        assertThat(status.takeModified()).isFalse();
    }

    @Test
    void theRoundsGetEveryStoredStatusInKeyOrderAndTheHeldInstanceWhereThereIsOne() {
        store.put("acme/ex-1", status(1));
        store.put("acme/ex-3", status(3));
        StatusTable table = new StatusTable(store, 10);
        EquipmentStatus two = status(2);
        table.put("acme/ex-2", two);

        List<KeyValue<String, EquipmentStatus>> first = table.after(null, 2);
        List<KeyValue<String, EquipmentStatus>> rest = table.after("acme/ex-2", 2);

        assertThat(first).extracting(kv -> kv.key).containsExactly("acme/ex-1", "acme/ex-2");
        assertThat(first.get(1).value).isSameAs(two);
        assertThat(first.get(0).value.silentSince()).contains(1L);
        assertThat(rest).extracting(kv -> kv.key).containsExactly("acme/ex-3");
    }
}
