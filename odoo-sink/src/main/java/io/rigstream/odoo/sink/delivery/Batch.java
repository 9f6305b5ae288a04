package io.rigstream.odoo.sink.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Records of one lane delivered together, and the same records again after a transient failure.
 *
 * @param firstFailure when this batch first failed transiently: the retry deadline counts from here
 * @param failures     transient failures so far, for the backoff
 */
public record Batch(Lane lane, List<PendingRecord> records, Optional<Instant> firstFailure, int failures) {

    public Batch {
        records = List.copyOf(records);
    }

    public static Batch of(Lane lane, List<PendingRecord> records) {
        return new Batch(lane, records, Optional.empty(), 0);
    }

    /** True once this batch has kept failing for longer than {@code deadline}; never without a deadline. */
    public boolean pastDeadline(Optional<Duration> deadline, Instant now) {
        return deadline.isPresent() && firstFailure.isPresent() && !firstFailure.get().plus(deadline.get()).isAfter(now);
    }

    /** The records still to deliver after a transient failure at {@code now}. */
    public Batch failedAgain(List<PendingRecord> remaining, Instant now) {
        return new Batch(lane, remaining, Optional.of(firstFailure.orElse(now)), failures + 1);
    }
}
