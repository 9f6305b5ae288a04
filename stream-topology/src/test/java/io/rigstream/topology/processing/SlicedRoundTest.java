package io.rigstream.topology.processing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.streams.KeyValue;
import org.junit.jupiter.api.Test;

class SlicedRoundTest {

    private final TreeMap<String, Integer> store = new TreeMap<>();
    private final AtomicLong clock = new AtomicLong();
    private final List<String> visited = new ArrayList<>();

    private SlicedRound<Integer> round(long budgetNanos) {
        return new SlicedRound<>(this::after, budgetNanos, clock::get);
    }

    private List<KeyValue<String, Integer>> after(String key, int max) {
        Map<String, Integer> tail = key == null ? store : store.tailMap(key, false);
        return tail.entrySet().stream().limit(max).map(e -> KeyValue.pair(e.getKey(), e.getValue())).toList();
    }

    private void fill(int count) {
        for (int i = 0; i < count; i++) {
            store.put(String.format("EQ-%05d", i), i);
        }
    }

    @Test
    void withinTheBudgetOneSliceVisitsEveryEntryOnceInKeyOrder() {
        fill(SlicedRound.BATCH * 2 + 10);
        SlicedRound<Integer> round = round(1_000_000_000L);

        assertThat(round.slice((key, value) -> visited.add(key))).isTrue();

        assertThat(visited).containsExactlyElementsOf(store.keySet());
        assertThat(round.underWay()).isFalse();
    }

    @Test
    void aSpentBudgetEndsTheSliceAndTheNextSliceResumesAfterTheLastVisitedEntry() {
        fill(SlicedRound.BATCH * 3 + 1);
        SlicedRound<Integer> round = round(100);
        // every visit costs 1 ns of the budget of 100
        SlicedRound.Visitor<Integer> visitor = (key, value) -> {
            visited.add(key);
            clock.incrementAndGet();
        };

        assertThat(round.slice(visitor)).isFalse();
        assertThat(visited).hasSize(100);
        assertThat(round.underWay()).isTrue();
        int slices = 1;
        while (!round.slice(visitor)) {
            slices++;
        }

        // 769 entries at 100 a slice: 7 full slices, and an eighth that visits the last 69 and finishes
        assertThat(slices + 1).isEqualTo(8);
        assertThat(visited).containsExactlyElementsOf(store.keySet());
        assertThat(round.underWay()).isFalse();
    }

    @Test
    void entriesAddedOrRemovedBetweenSlicesAreVisitedWhenAheadAndNeverWhenGone() {
        fill(SlicedRound.BATCH * 2 + 1);
        SlicedRound<Integer> round = round(0);
        round.slice((key, value) -> visited.add(key));
        String removed = String.format("EQ-%05d", SlicedRound.BATCH + 5);
        store.remove(removed);
        store.put("ZZ-late", -1);
        store.put("AA-behind", -2);

        while (!round.slice((key, value) -> visited.add(key))) {
            // continue the round
        }

        assertThat(visited).doesNotContain(removed, "AA-behind").contains("ZZ-late").doesNotHaveDuplicates();
        assertThat(visited).hasSize(SlicedRound.BATCH * 2 + 1);
    }

    @Test
    void anEmptyStoreFinishesAtOnce() {
        assertThat(round(0).slice((key, value) -> visited.add(key))).isTrue();
        assertThat(visited).isEmpty();
    }
}
