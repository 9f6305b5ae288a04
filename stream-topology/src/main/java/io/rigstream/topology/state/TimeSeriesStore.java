package io.rigstream.topology.state;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/** One value per (equipment, device time), scanned in time order: the readings and the fault reports. */
public final class TimeSeriesStore<V> {

    private final KeyValueStore<Bytes, V> store;
    private final ToLongFunction<V> timeOf;

    public TimeSeriesStore(KeyValueStore<Bytes, V> store, ToLongFunction<V> timeOf) {
        this.store = store;
        this.timeOf = timeOf;
    }

    public V get(String equipment, long ts) {
        return store.get(StoreKeys.timeKey(equipment, ts));
    }

    public void put(String equipment, V value) {
        store.put(StoreKeys.timeKey(equipment, timeOf.applyAsLong(value)), value);
    }

    /** The newest value strictly before {@code ts}. */
    public Optional<V> before(String equipment, long ts) {
        return nearestBefore(equipment, ts, v -> true, 1);
    }

    /** The oldest value strictly after {@code ts}. */
    public Optional<V> after(String equipment, long ts) {
        return nearestAfter(equipment, ts, v -> true, 1);
    }

    /** The newest value before {@code ts} that matches, looking at no more than {@code maxSteps} values. */
    public Optional<V> nearestBefore(String equipment, long ts, Predicate<V> matches, int maxSteps) {
        if (ts == Long.MIN_VALUE) {
            return Optional.empty();
        }
        try (KeyValueIterator<Bytes, V> it = store.reverseRange(
                StoreKeys.timeKey(equipment, Long.MIN_VALUE), StoreKeys.timeKey(equipment, ts - 1))) {
            return firstMatch(it, matches, maxSteps);
        }
    }

    public Optional<V> nearestAfter(String equipment, long ts, Predicate<V> matches, int maxSteps) {
        if (ts == Long.MAX_VALUE) {
            return Optional.empty();
        }
        try (KeyValueIterator<Bytes, V> it = store.range(
                StoreKeys.timeKey(equipment, ts + 1), StoreKeys.timeKey(equipment, Long.MAX_VALUE))) {
            return firstMatch(it, matches, maxSteps);
        }
    }

    private static <V> Optional<V> firstMatch(KeyValueIterator<Bytes, V> it, Predicate<V> matches, int maxSteps) {
        for (int step = 0; step < maxSteps && it.hasNext(); step++) {
            V value = it.next().value;
            if (matches.test(value)) {
                return Optional.of(value);
            }
        }
        return Optional.empty();
    }

    /**
     * Walking back from {@code ts} (exclusive), the oldest value of the unbroken run of values that match: where an
     * episode that is still going at {@code ts} began.
     */
    public Optional<V> startOfRunBefore(String equipment, long ts, Predicate<V> matches) {
        V start = null;
        try (KeyValueIterator<Bytes, V> it = store.reverseRange(
                StoreKeys.timeKey(equipment, Long.MIN_VALUE), StoreKeys.timeKey(equipment, ts - 1))) {
            while (it.hasNext()) {
                V value = it.next().value;
                if (!matches.test(value)) {
                    break;
                }
                start = value;
            }
        }
        return Optional.ofNullable(start);
    }

    public void delete(String equipment, long ts) {
        store.delete(StoreKeys.timeKey(equipment, ts));
    }

    /** Values in {@code [from, to)}, oldest first. */
    public List<V> range(String equipment, long from, long to) {
        List<V> values = new ArrayList<>();
        if (to <= from) {
            return values;
        }
        try (KeyValueIterator<Bytes, V> it = store.range(
                StoreKeys.timeKey(equipment, from), StoreKeys.timeKey(equipment, to - 1))) {
            it.forEachRemaining(kv -> values.add(kv.value));
        }
        return values;
    }

    /** Values in {@code [from, to)} with the one just before {@code from}, whose state is in force at {@code from}. */
    public List<V> withPredecessor(String equipment, long from, long to) {
        List<V> values = new ArrayList<>();
        before(equipment, from).ifPresent(values::add);
        values.addAll(range(equipment, from, to));
        return values;
    }

    /**
     * Deletes values older than {@code cutoff} except the newest of them, which stays as the predecessor of the
     * oldest value still kept.
     *
     * @return how many were deleted
     */
    public int purgeBefore(String equipment, long cutoff) {
        List<Bytes> doomed = new ArrayList<>();
        try (KeyValueIterator<Bytes, V> it = store.range(
                StoreKeys.timeKey(equipment, Long.MIN_VALUE), StoreKeys.timeKey(equipment, cutoff - 1))) {
            it.forEachRemaining(kv -> doomed.add(kv.key));
        }
        if (doomed.size() <= 1) {
            return 0;
        }
        doomed.subList(0, doomed.size() - 1).forEach(store::delete);
        return doomed.size() - 1;
    }
}
