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

    public void put(String equipment, V value) {
        store.put(StoreKeys.timeKey(equipment, timeOf.applyAsLong(value)), value);
    }

    /** The newest value strictly before {@code ts}. */
    public Optional<V> before(String equipment, long ts) {
        List<V> found = new ArrayList<>(1);
        walkBack(equipment, ts, 1, found::add);
        return found.stream().findFirst();
    }

    /** The oldest value strictly after {@code ts}. */
    public Optional<V> after(String equipment, long ts) {
        List<V> found = new ArrayList<>(1);
        if (ts != Long.MAX_VALUE) {
            walkFrom(equipment, ts + 1, 1, found::add);
        }
        return found.stream().findFirst();
    }

    /**
     * Visits the values strictly before {@code ts}, newest first, until {@code visitor} returns false or
     * {@code maxSteps} values have been visited: one store seek for several searches of the same neighbourhood.
     */
    public void walkBack(String equipment, long ts, int maxSteps, Predicate<V> visitor) {
        if (ts == Long.MIN_VALUE) {
            return;
        }
        try (KeyValueIterator<Bytes, V> it = store.reverseRange(
                StoreKeys.timeKey(equipment, Long.MIN_VALUE), StoreKeys.timeKey(equipment, ts - 1))) {
            walk(it, maxSteps, visitor);
        }
    }

    /** Visits the values at or after {@code ts}, oldest first, like {@link #walkBack}. */
    public void walkFrom(String equipment, long ts, int maxSteps, Predicate<V> visitor) {
        try (KeyValueIterator<Bytes, V> it = store.range(
                StoreKeys.timeKey(equipment, ts), StoreKeys.timeKey(equipment, Long.MAX_VALUE))) {
            walk(it, maxSteps, visitor);
        }
    }

    private static <V> void walk(KeyValueIterator<Bytes, V> it, int maxSteps, Predicate<V> visitor) {
        for (int step = 0; step < maxSteps && it.hasNext(); step++) {
            if (!visitor.test(it.next().value)) {
                return;
            }
        }
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
