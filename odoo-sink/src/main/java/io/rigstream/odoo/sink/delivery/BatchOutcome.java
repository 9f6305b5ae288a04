package io.rigstream.odoo.sink.delivery;

import io.rigstream.odoo.sink.odoo.ErrorKind;
import io.rigstream.odoo.sink.odoo.OdooException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What became of a batch. {@link #done()} lists records whose offsets may be committed: written to Odoo (confirmed),
 * dead-lettered (acknowledged by Kafka) or with nothing to write. A transient failure leaves {@link #remaining()} to
 * be sent again; a fatal one stops the sink.
 */
public record BatchOutcome(List<PendingRecord> done, List<PendingRecord> remaining, Optional<OdooException> failure) {

    public BatchOutcome {
        done = List.copyOf(done);
        remaining = List.copyOf(remaining);
    }

    public static BatchOutcome completed(List<PendingRecord> done) {
        return new BatchOutcome(done, List.of(), Optional.empty());
    }

    public boolean isFatal() {
        return failure.isPresent() && failure.get().kind() == ErrorKind.FATAL;
    }

    public boolean needsRetry() {
        return !isFatal() && !remaining.isEmpty();
    }

    /** The server's Retry-After, when it sent one. */
    public Optional<Duration> retryAfter() {
        return failure.flatMap(OdooException::retryAfter);
    }
}
