package io.rigstream.odoo.sink.kafka;

import io.rigstream.odoo.sink.config.BatchSettings;
import io.rigstream.odoo.sink.config.RetrySettings;
import io.rigstream.odoo.sink.config.SinkTopics;
import io.rigstream.odoo.sink.delivery.Backoff;
import io.rigstream.odoo.sink.delivery.Batch;
import io.rigstream.odoo.sink.delivery.BatchOutcome;
import io.rigstream.odoo.sink.delivery.Delivery;
import io.rigstream.odoo.sink.delivery.Lane;
import io.rigstream.odoo.sink.delivery.PendingRecord;
import io.rigstream.odoo.sink.health.SinkHealth;
import io.rigstream.odoo.sink.metrics.SinkMetrics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RebalanceInProgressException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sink's poll loop, as Kafka Connect's {@code WorkerSinkTask} runs a sink: poll, hand records to their lane,
 * deliver batches (on the lanes' worker threads, one batch in flight per lane, maintenance first), commit offsets
 * only for records that are done. On a transient failure the lane's partitions are paused and polling goes on, so
 * the consumer stays in its group, while the same batch waits out its backoff. A lane's partitions are also paused
 * while its buffer is full. All consumer calls happen on the thread running {@link #run()}.
 */
public final class SinkLoop implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(SinkLoop.class);
    private static final Duration BUSY_POLL = Duration.ofMillis(20);
    private static final Duration IDLE_POLL = Duration.ofMillis(500);

    private final Consumer<byte[], byte[]> consumer;
    private final SinkTopics topics;
    private final BatchSettings batching;
    private final RetrySettings retry;
    private final Backoff backoff;
    private final Delivery delivery;
    private final ExecutorService workers;
    private final Clock clock;
    private final SinkHealth health;
    private final SinkMetrics metrics;
    private final Map<Lane, LaneState> lanes = new LinkedHashMap<>();
    private final OffsetTracker offsets = new OffsetTracker();
    private volatile boolean running = true;

    public SinkLoop(Consumer<byte[], byte[]> consumer, SinkTopics topics, BatchSettings batching, RetrySettings retry,
            Backoff backoff, Delivery delivery, ExecutorService workers, Clock clock, SinkHealth health, SinkMetrics metrics) {
        this.consumer = consumer;
        this.topics = topics;
        this.batching = batching;
        this.retry = retry;
        this.backoff = backoff;
        this.delivery = delivery;
        this.workers = workers;
        this.clock = clock;
        this.health = health;
        this.metrics = metrics;
        for (Lane lane : Lane.values()) {
            lanes.put(lane, new LaneState(lane));
        }
    }

    /** Stops polling; the loop abandons its in-flight batches without committing them. Any thread. */
    public void stop() {
        running = false;
        consumer.wakeup();
    }

    @Override
    public void run() {
        try {
            consumer.subscribe(List.of(topics.maintenance(), topics.downtime(), topics.usage()),
                    new RevocationHandler(consumer, offsets, lanes.values()));
            health.polling(true);
            while (running && !health.isFatal()) {
                var records = consumer.poll(pollTimeout());
                Instant now = clock.instant();
                for (ConsumerRecord<byte[], byte[]> record : records) {
                    PendingRecord pending = new PendingRecord(record.topic(), record.partition(), record.offset(), record.key(), record.value());
                    offsets.track(pending);
                    lanes.get(laneOf(record.topic())).add(pending, now);
                }
                collectOutcomes();
                dispatch();
                pauseOrResume();
                commit();
            }
        } catch (WakeupException e) {
            if (running) {
                throw e;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            health.polling(false);
            abandonInFlight();
            commitQuietly();
            consumer.close();
        }
    }

    private Lane laneOf(String topic) {
        return topic.equals(topics.usage()) ? Lane.USAGE : Lane.MAINTENANCE;
    }

    private void collectOutcomes() throws InterruptedException {
        for (LaneState lane : lanes.values()) {
            if (lane.inFlight == null || !lane.inFlight.isDone()) {
                continue;
            }
            Batch batch = lane.inFlightBatch;
            BatchOutcome outcome;
            try {
                outcome = lane.inFlight.get();
            } catch (ExecutionException e) {
                LOG.error("Delivering a {} batch failed unexpectedly; stopping without committing it", lane.lane.tag(), e.getCause());
                health.fatal("internal error delivering a " + lane.lane.tag() + " batch: " + e.getCause());
                return;
            } finally {
                lane.landed();
            }
            offsets.done(outcome.done());
            if (outcome.isFatal()) {
                String message = outcome.failure().orElseThrow().getMessage();
                LOG.error("Odoo sink stopped: {}", message);
                health.fatal(message);
            } else if (outcome.needsRetry()) {
                scheduleRetry(lane, batch, outcome);
            } else {
                lane.retryDone();
                health.recovered(lane.lane);
            }
        }
    }

    private void scheduleRetry(LaneState lane, Batch batch, BatchOutcome outcome) {
        Instant now = clock.instant();
        List<PendingRecord> stillOwned = outcome.remaining().stream().filter(r -> offsets.isTracked(r.topicPartition())).toList();
        if (stillOwned.isEmpty()) {
            lane.retryDone();
            health.recovered(lane.lane);
            return;
        }
        Batch again = batch.failedAgain(stillOwned, now);
        Duration delay = backoff.delay(again.failures(), outcome.retryAfter());
        String cause = outcome.failure().map(e -> e.errorClass() + ": " + e.getMessage()).orElse("unknown");
        lane.retryLater(again, now.plus(delay), cause);
        health.backingOff(lane.lane, cause);
        metrics.batchRetried(lane.lane);
        LOG.warn("{} batch of {} records failed transiently ({}); retry {} in {} ms", lane.lane.tag(), stillOwned.size(),
                cause, again.failures(), delay.toMillis());
    }

    /** Maintenance first: the lanes map iterates in priority order. */
    private void dispatch() {
        Instant now = clock.instant();
        for (LaneState lane : lanes.values()) {
            if (lane.busy() || health.isFatal()) {
                continue;
            }
            if (lane.retry.isPresent()) {
                if (!now.isBefore(lane.retryAt)) {
                    submit(lane, lane.retry.get(), lane.retry.get().pastDeadline(retry.deadline(), now));
                }
            } else if (lane.batchDue(now, batching.maxRecords(), batching.linger())) {
                submit(lane, Batch.of(lane.lane, lane.take(batching.maxRecords())), false);
            }
        }
    }

    private void submit(LaneState lane, Batch batch, boolean expired) {
        String cause = lane.retryCause;
        lane.fly(batch, workers.submit(() -> expired ? delivery.expire(batch, cause) : delivery.deliver(batch)));
    }

    private void pauseOrResume() {
        Set<TopicPartition> pause = new HashSet<>();
        Set<TopicPartition> resume = new HashSet<>();
        for (TopicPartition partition : consumer.assignment()) {
            LaneState lane = lanes.get(laneOf(partition.topic()));
            boolean hold = lane.retry.isPresent() || lane.buffered() >= batching.bufferRecords();
            (hold ? pause : resume).add(partition);
        }
        pause.removeAll(consumer.paused());
        resume.retainAll(consumer.paused());
        if (!pause.isEmpty()) {
            consumer.pause(pause);
        }
        if (!resume.isEmpty()) {
            consumer.resume(resume);
        }
    }

    private Duration pollTimeout() {
        Instant now = clock.instant();
        Instant next = now.plus(IDLE_POLL);
        for (LaneState lane : lanes.values()) {
            if (lane.busy()) {
                return BUSY_POLL;
            }
            if (lane.retry.isPresent()) {
                next = lane.retryAt.isBefore(next) ? lane.retryAt : next;
            } else {
                Instant lingerEnds = lane.lingerEnds(batching.linger()).orElse(next);
                next = lingerEnds.isBefore(next) ? lingerEnds : next;
            }
        }
        Duration wait = Duration.between(now, next);
        return wait.isNegative() ? Duration.ZERO : wait;
    }

    private void commit() {
        Map<TopicPartition, OffsetAndMetadata> ready = offsets.toCommit();
        if (ready.isEmpty()) {
            return;
        }
        try {
            consumer.commitSync(ready);
            offsets.committed(ready);
        } catch (CommitFailedException | RebalanceInProgressException | TimeoutException e) {
            // The group is rebalancing or the coordinator is slow: the offsets stay due and go with the next commit,
            // or, if the partitions move, the new owner delivers those records again (idempotently).
            LOG.warn("Offset commit failed ({}); will commit again", e.toString());
        }
    }

    private void commitQuietly() {
        try {
            try {
                commit();
            } catch (WakeupException e) {
                commit();
            }
        } catch (KafkaException e) {
            LOG.warn("Final offset commit failed; the records after the last commit will be delivered again (idempotently)", e);
        }
    }

    /** Shutdown: in-flight batches are interrupted and never committed; Odoo upserts them again after restart. */
    private void abandonInFlight() {
        lanes.values().forEach(lane -> {
            if (lane.inFlight != null) {
                lane.inFlight.cancel(true);
                lane.landed();
            }
        });
    }
}
