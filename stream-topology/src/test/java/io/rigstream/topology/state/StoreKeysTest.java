package io.rigstream.topology.state;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.common.utils.Bytes;
import org.junit.jupiter.api.Test;

class StoreKeysTest {

    @Test
    void keysOfOneEquipmentSortByTimeIncludingNegativeTimes() {
        assertThat(StoreKeys.timeKey("t/ex-1", -5).compareTo(StoreKeys.timeKey("t/ex-1", 3))).isNegative();
        assertThat(StoreKeys.timeKey("t/ex-1", 3).compareTo(StoreKeys.timeKey("t/ex-1", 1L << 40))).isNegative();
    }

    @Test
    void anEquipmentsKeysDoNotInterleaveWithAnIdItPrefixes() {
        Bytes lastOfShort = StoreKeys.timeKey("t/ex-1", Long.MAX_VALUE);
        Bytes firstOfLonger = StoreKeys.timeKey("t/ex-10", Long.MIN_VALUE);
        assertThat(lastOfShort.compareTo(firstOfLonger)).isNegative();
    }
}
