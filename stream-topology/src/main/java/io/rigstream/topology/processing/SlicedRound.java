package io.rigstream.topology.processing;

import java.util.List;
import java.util.function.LongSupplier;
import org.apache.kafka.streams.KeyValue;

/**
 * A walk over every equipment of a task, one slice of bounded wall time at a time. A punctuation cannot commit, so
 * one that went through every equipment at once held the task's transaction open for as long as that took: at
 * 10,000 equipment per task on a busy machine that outlasted the transaction timeout, and the broker aborted it and
 * fenced the instance, again after every rebalance (found by the pipeline benchmark). Between slices, Kafka Streams
 * commits and processes records. Entries are read a batch at a time and the store iterator is closed before they are
 * visited, as a visit writes to the store being walked.
 *
 * @param <V> the stored value
 */
final class SlicedRound<V> {

    static final int BATCH = 256;

    /** Up to {@code max} entries in key order after {@code key} (from the first when null). */
    @FunctionalInterface
    interface Batches<V> {
        List<KeyValue<String, V>> after(String key, int max);
    }

    @FunctionalInterface
    interface Visitor<V> {
        void visit(String key, V value);
    }

    private final Batches<V> batches;
    private final long budgetNanos;
    private final LongSupplier nanoTime;
    private String resumeAfter;
    private boolean underWay;

    SlicedRound(Batches<V> batches, long budgetNanos, LongSupplier nanoTime) {
        this.batches = batches;
        this.budgetNanos = budgetNanos;
        this.nanoTime = nanoTime;
    }

    /** Whether a round has started and not yet reached the last entry. */
    boolean underWay() {
        return underWay;
    }

    /**
     * Visits entries from where the round stopped (or from the first, starting a round) until the budget is spent or
     * the last entry is visited; each entry once per round.
     *
     * @return true when this slice finished the round; false when the budget ran out, even on the round's last entry
     */
    boolean slice(Visitor<V> visitor) {
        long deadline = nanoTime.getAsLong() + budgetNanos;
        underWay = true;
        while (true) {
            List<KeyValue<String, V>> batch = batches.after(resumeAfter, BATCH);
            for (KeyValue<String, V> entry : batch) {
                visitor.visit(entry.key, entry.value);
                resumeAfter = entry.key;
                // checked after every entry: one equipment whose windows all need recomputing can take tens of ms
                if (nanoTime.getAsLong() >= deadline) {
                    return false;
                }
            }
            if (batch.size() < BATCH) {
                resumeAfter = null;
                underWay = false;
                return true;
            }
        }
    }
}
