package io.rigstream.odoo.sink.kafka;

import io.rigstream.odoo.sink.delivery.Batch;
import io.rigstream.odoo.sink.delivery.BatchOutcome;
import io.rigstream.odoo.sink.delivery.Lane;
import io.rigstream.odoo.sink.delivery.PendingRecord;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Future;

/**
 * One lane as the poll loop sees it: records waiting for a batch (with when they arrived, for the linger), the batch
 * in flight, and the batch waiting to be retried with when. Touched by the poll thread only.
 */
final class LaneState {

    private record Waiting(PendingRecord record, Instant arrived) {
    }

    final Lane lane;
    private final Deque<Waiting> buffer = new ArrayDeque<>();
    Future<BatchOutcome> inFlight;
    Batch inFlightBatch;
    Optional<Batch> retry = Optional.empty();
    Instant retryAt = Instant.MIN;
    String retryCause = "";

    LaneState(Lane lane) {
        this.lane = lane;
    }

    void add(PendingRecord record, Instant now) {
        buffer.add(new Waiting(record, now));
    }

    int buffered() {
        return buffer.size();
    }

    /** A new batch is due when it is full or its oldest record has waited the linger. */
    boolean batchDue(Instant now, int maxRecords, java.time.Duration linger) {
        return !buffer.isEmpty() && (buffer.size() >= maxRecords || !buffer.peekFirst().arrived().plus(linger).isAfter(now));
    }

    /** When the oldest buffered record's linger runs out, if any is buffered. */
    Optional<Instant> lingerEnds(java.time.Duration linger) {
        return buffer.isEmpty() ? Optional.empty() : Optional.of(buffer.peekFirst().arrived().plus(linger));
    }

    List<PendingRecord> take(int maxRecords) {
        List<PendingRecord> records = new ArrayList<>();
        while (!buffer.isEmpty() && records.size() < maxRecords) {
            records.add(buffer.pollFirst().record());
        }
        return records;
    }

    boolean busy() {
        return inFlight != null;
    }

    void retryLater(Batch batch, Instant at, String cause) {
        retry = Optional.of(batch);
        retryAt = at;
        retryCause = cause;
    }

    void retryDone() {
        retry = Optional.empty();
    }

    void fly(Batch batch, Future<BatchOutcome> delivery) {
        inFlightBatch = batch;
        inFlight = delivery;
    }

    void landed() {
        inFlightBatch = null;
        inFlight = null;
    }

    /** Drops what belongs to partitions this consumer no longer owns. */
    void dropPartitions(Collection<org.apache.kafka.common.TopicPartition> revoked) {
        buffer.removeIf(waiting -> revoked.contains(waiting.record().topicPartition()));
        retry = retry.map(batch -> new Batch(batch.lane(), batch.records().stream()
                .filter(record -> !revoked.contains(record.topicPartition())).toList(), batch.firstFailure(), batch.failures()))
                .filter(batch -> !batch.records().isEmpty());
    }
}
