package io.rigstream.topology.rules;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Events of consecutive pairs (a fault becoming active, a service tier crossed, a fuel drop) when one item lands
 * between two neighbours, possibly late. The pair {@code (before, after)} is replaced by {@code (before, inserted)}
 * and {@code (inserted, after)}; its events were already emitted. A new pair's event whose identity the replaced
 * pair already produced is that same event moved, not a second one, so it is not emitted again.
 */
public final class InsertionDiff {

    private InsertionDiff() {
    }

    /**
     * @param before        the neighbour before, null when {@code inserted} is the first
     * @param after         the neighbour after, null when {@code inserted} is the newest
     * @param eventsBetween events of a pair; its first argument is null for the first item
     * @param identity      what makes two events the same regardless of where they happen
     */
    public static <T, E> List<E> newEvents(T before, T inserted, T after, BiFunction<T, T, List<E>> eventsBetween,
            Function<E, ?> identity) {
        List<E> toInserted = eventsBetween.apply(before, inserted);
        if (after == null) {
            return toInserted; // the usual case, a reading newer than every other: no pair was replaced
        }
        List<E> fromInserted = eventsBetween.apply(inserted, after);
        if (toInserted.isEmpty() && fromInserted.isEmpty()) {
            return List.of();
        }
        Set<Object> alreadyEmitted = new HashSet<>();
        eventsBetween.apply(before, after).forEach(e -> alreadyEmitted.add(identity.apply(e)));
        List<E> events = new ArrayList<>(toInserted);
        events.addAll(fromInserted);
        events.removeIf(e -> alreadyEmitted.contains(identity.apply(e)));
        return events;
    }
}
