package io.rigstream.topology.processing;

import static org.assertj.core.api.Assertions.assertThat;

import io.rigstream.topology.model.Reading;
import io.rigstream.topology.state.EquipmentStatus;
import io.rigstream.topology.state.StateSerdes;
import io.rigstream.topology.state.TimeSeriesStore;
import io.rigstream.topology.testing.InMemoryStores;
import java.io.File;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The neighbours an arriving reading is judged against, found in one walk each way or from the status. */
class ReadingNeighboursTest {

    private static final String EQ = "acme/ex-1";

    @TempDir
    File stateDir;
    private TimeSeriesStore<Reading> readings;
    private EquipmentStatus status;

    @BeforeEach
    void store() {
        KeyValueStore<Bytes, Reading> store = InMemoryStores.keyValue("readings", Serdes.Bytes(), StateSerdes.reading(),
                stateDir);
        readings = new TimeSeriesStore<>(store, Reading::deviceTs);
        status = new EquipmentStatus(64);
    }

    @Test
    void eachSearchFindsTheNearestReadingThatCarriesWhatItCompares() {
        stored(reading(10, 100.0, 50.0));
        stored(reading(20, null, 49.0));
        stored(reading(30, 101.0, null));
        stored(reading(40, null, null));

        ReadingNeighbours n = ReadingNeighbours.of(readings, EQ, reading(25, 100.5, 48.0), status);

        assertThat(n.stored()).isNull();
        assertThat(n.before().deviceTs()).isEqualTo(20);
        assertThat(n.after().deviceTs()).isEqualTo(30);
        assertThat(n.meterBefore().deviceTs()).as("20 has no meter").isEqualTo(10);
        assertThat(n.meterAfter().deviceTs()).isEqualTo(30);
        assertThat(n.fuelBefore().deviceTs()).isEqualTo(20);
        assertThat(n.fuelAfter()).as("nothing later has a fuel level").isNull();
    }

    @Test
    void theReadingAtTheSameDeviceTimeIsTheStoredOneNotANeighbour() {
        stored(reading(10, 100.0, 50.0));
        stored(reading(20, 100.2, 49.0));
        stored(reading(30, 100.4, 48.0));

        ReadingNeighbours n = ReadingNeighbours.of(readings, EQ, reading(20, 100.2, 49.0), status);

        assertThat(n.stored().deviceTs()).isEqualTo(20);
        assertThat(n.before().deviceTs()).isEqualTo(10);
        assertThat(n.after().deviceTs()).isEqualTo(30);
        assertThat(n.meterAfter().deviceTs()).isEqualTo(30);
    }

    @Test
    void aSearchLooksNoFurtherThan64Readings() {
        stored(reading(1, 100.0, null));
        for (int ts = 2; ts <= ReadingNeighbours.SEARCH; ts++) {
            stored(reading(ts, null, null));
        }
        assertThat(ReadingNeighbours.of(readings, EQ, reading(1_000, 101.0, null), status).meterBefore())
                .as("the meter reading is the 64th back").isNotNull();

        stored(reading(ReadingNeighbours.SEARCH + 1, null, null));
        assertThat(ReadingNeighbours.of(readings, EQ, reading(1_000, 101.0, null), status).meterBefore())
                .as("the meter reading is the 65th back").isNull();
    }

    @Test
    void anInOrderReadingTakesItsPredecessorFromTheStatusWithoutAWalk() {
        stored(reading(10, 100.0, 50.0));
        stored(reading(20, 100.2, 49.0));

        ReadingNeighbours n = ReadingNeighbours.of(readings, EQ, reading(30, 100.4, 48.0), status);

        // the very instance the status holds: a walk would have decoded a copy from the store
        assertThat(n.before()).isSameAs(status.newest().orElseThrow());
        assertThat(n.meterBefore()).isSameAs(n.before());
        assertThat(n.fuelBefore()).isSameAs(n.before());
        assertThat(n.after()).isNull();
    }

    @Test
    void anInOrderReadingWalksBackWhenTheNewestLacksWhatARuleCompares() {
        stored(reading(10, 100.0, 50.0));
        stored(reading(20, null, 49.0));

        ReadingNeighbours n = ReadingNeighbours.of(readings, EQ, reading(30, 100.4, 48.0), status);

        assertThat(n.before()).isNotSameAs(status.newest().orElseThrow()).isEqualTo(status.newest().orElseThrow());
        assertThat(n.meterBefore().deviceTs()).isEqualTo(10);
        assertThat(n.fuelBefore().deviceTs()).isEqualTo(20);
    }

    private void stored(Reading reading) {
        readings.put(EQ, reading);
        status.recordArrival(reading, reading.deviceTs());
    }

    private static Reading reading(long ts, Double hourMeter, Double fuelPct) {
        return new Reading(ts, ts, ts, true, hourMeter, null, null, null, null, null, fuelPct, null, null, null);
    }
}
