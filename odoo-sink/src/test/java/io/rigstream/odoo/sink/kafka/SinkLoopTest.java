package io.rigstream.odoo.sink.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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
import io.rigstream.odoo.sink.odoo.ErrorKind;
import io.rigstream.odoo.sink.odoo.OdooException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The poll loop with Kafka's MockConsumer and a scripted delivery: what it commits, pauses, retries and when. */
class SinkLoopTest {

    private static final SinkTopics TOPICS = new SinkTopics("usage", "maintenance", "downtime", "dlq", "group");
    private static final TopicPartition USAGE = new TopicPartition("usage", 0);
    private static final TopicPartition MAINTENANCE = new TopicPartition("maintenance", 0);
    private static final TopicPartition DOWNTIME = new TopicPartition("downtime", 0);

    private final RecordingConsumer consumer = new RecordingConsumer();
    private final SinkHealth health = new SinkHealth();
    private final ExecutorService workers = Executors.newSingleThreadExecutor();
    private final ScriptedDelivery delivery = new ScriptedDelivery();
    private SinkLoop loop;
    private Thread thread;

    @AfterEach
    void stop() throws InterruptedException {
        if (loop != null) {
            loop.stop();
            thread.join(10_000);
        }
        workers.shutdownNow();
    }

    private void start(RetrySettings retry) {
        loop = new SinkLoop(consumer, TOPICS, new BatchSettings(10, Duration.ZERO, 100), retry,
                new Backoff(retry, () -> 0.5), delivery, workers, Clock.systemUTC(), health, SinkMetrics.none());
        consumer.schedulePollTask(() -> {
            consumer.rebalance(List.of(USAGE, MAINTENANCE, DOWNTIME));
            consumer.updateBeginningOffsets(Map.of(USAGE, 0L, MAINTENANCE, 0L, DOWNTIME, 0L));
        });
        thread = new Thread(loop, "test-poll");
        thread.start();
        await().until(() -> !consumer.assignment().isEmpty());
    }

    private void start() {
        start(new RetrySettings(Duration.ofMillis(50), Duration.ofMillis(100), Optional.empty()));
    }

    /** The records arrive together, in one poll. */
    private void add(TopicPartition partition, long... offsets) {
        consumer.schedulePollTask(() -> addNow(partition, offsets));
    }

    private void addNow(TopicPartition partition, long... offsets) {
        for (long offset : offsets) {
            consumer.addRecord(new ConsumerRecord<>(partition.topic(), partition.partition(), offset, new byte[0], new byte[0]));
        }
    }

    private Map<TopicPartition, OffsetAndMetadata> committed() {
        return consumer.commits;
    }

    @Test
    void offsetsAreCommittedOnlyForRecordsTheDeliveryReportedDone() {
        delivery.script.add(batch -> new BatchOutcome(batch.records().subList(0, 2), batch.records().subList(2, 3),
                Optional.of(new OdooException(ErrorKind.TRANSIENT, "http.503", "busy"))));
        start();
        add(USAGE, 0, 1, 2);

        await().until(() -> committed().containsKey(USAGE) && committed().get(USAGE).offset() == 3);
        assertThat(delivery.batches).hasSize(2);
        assertThat(delivery.batches.get(1).records()).extracting(PendingRecord::offset).containsExactly(2L);
        assertThat(delivery.batches.get(1).failures()).isEqualTo(1);
    }

    @Test
    void aTransientFailurePausesTheLanesPartitionsAndRetriesTheSameBatchAfterABackoff() {
        AtomicBoolean sawPaused = new AtomicBoolean();
        delivery.script.add(batch -> new BatchOutcome(List.of(), batch.records(),
                Optional.of(new OdooException(ErrorKind.TRANSIENT, "http.503", "busy", Optional.of(Duration.ofMillis(300)), null))));
        delivery.script.add(batch -> {
            sawPaused.set(true);
            return BatchOutcome.completed(batch.records());
        });
        start();
        add(USAGE, 0, 1);

        await().until(() -> consumer.paused().contains(USAGE));
        assertThat(consumer.paused()).doesNotContain(MAINTENANCE, DOWNTIME);
        assertThat(health.readiness().ok()).isFalse();
        await().until(() -> committed().containsKey(USAGE));
        assertThat(delivery.batches.get(1).records()).isEqualTo(delivery.batches.get(0).records());
        assertThat(Duration.between(delivery.started.get(0), delivery.started.get(1))).isGreaterThanOrEqualTo(Duration.ofMillis(300));
        await().until(() -> consumer.paused().isEmpty());
        assertThat(sawPaused).isTrue();
    }

    @Test
    void maintenanceIsDeliveredBeforeUsageWhenBothAreWaiting() {
        start();
        consumer.schedulePollTask(() -> {
            addNow(USAGE, 0, 1);
            addNow(DOWNTIME, 0);
        });

        await().until(() -> delivery.batches.size() == 2);
        assertThat(delivery.batches).extracting(Batch::lane).containsExactly(Lane.MAINTENANCE, Lane.USAGE);
    }

    @Test
    void aBatchFailingPastTheDeadlineIsDeadLetteredNotRetriedForever() {
        for (int i = 0; i < 50; i++) {
            delivery.script.add(batch -> new BatchOutcome(List.of(), batch.records(),
                    Optional.of(new OdooException(ErrorKind.TRANSIENT, "java.net.ConnectException", "refused"))));
        }
        start(new RetrySettings(Duration.ofMillis(20), Duration.ofMillis(40), Optional.of(Duration.ofMillis(100))));
        add(MAINTENANCE, 0);

        await().until(() -> !delivery.expired.isEmpty());
        assertThat(delivery.expired.get(0)).contains("java.net.ConnectException");
        await().until(() -> committed().containsKey(MAINTENANCE));
    }

    @Test
    void aFatalErrorStopsTheLoopWithoutCommittingAndTheHealthSaysWhy() throws InterruptedException {
        delivery.script.add(batch -> new BatchOutcome(List.of(), batch.records(),
                Optional.of(new OdooException(ErrorKind.FATAL, "odoo.exceptions.AccessError", "give it Maintenance / Equipment Manager"))));
        start();
        add(MAINTENANCE, 0);

        thread.join(10_000);
        assertThat(thread.isAlive()).isFalse();
        assertThat(health.liveness().ok()).isFalse();
        assertThat(health.liveness().detail()).contains("Equipment Manager");
        assertThat(committed()).isEmpty();
        assertThat(consumer.closed()).isTrue();
    }

    @Test
    void stoppingAbandonsTheBatchInFlightWithoutCommittingIt() throws InterruptedException {
        AtomicBoolean interrupted = new AtomicBoolean();
        delivery.script.add(batch -> {
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                interrupted.set(true);
            }
            return BatchOutcome.completed(batch.records());
        });
        start();
        add(USAGE, 0, 1);
        await().until(() -> !delivery.batches.isEmpty());

        loop.stop();
        thread.join(10_000);

        assertThat(committed()).isEmpty();
        await().untilTrue(interrupted);
    }

    /** Keeps what was committed readable after the loop closed the consumer. */
    private static final class RecordingConsumer extends MockConsumer<byte[], byte[]> {
        final Map<TopicPartition, OffsetAndMetadata> commits = new java.util.concurrent.ConcurrentHashMap<>();

        RecordingConsumer() {
            super("earliest");
        }

        @Override
        public synchronized void commitSync(Map<TopicPartition, OffsetAndMetadata> offsets) {
            super.commitSync(offsets);
            commits.putAll(offsets);
        }
    }

    /** Answers each batch with the next scripted outcome, then with "all done". */
    private static final class ScriptedDelivery implements Delivery {
        final Deque<Function<Batch, BatchOutcome>> script = new ArrayDeque<>();
        final List<Batch> batches = Collections.synchronizedList(new ArrayList<>());
        final List<java.time.Instant> started = Collections.synchronizedList(new ArrayList<>());
        final List<String> expired = Collections.synchronizedList(new ArrayList<>());

        @Override
        public BatchOutcome deliver(Batch batch) {
            batches.add(batch);
            started.add(java.time.Instant.now());
            Function<Batch, BatchOutcome> next;
            synchronized (script) {
                next = script.poll();
            }
            return next == null ? BatchOutcome.completed(batch.records()) : next.apply(batch);
        }

        @Override
        public BatchOutcome expire(Batch batch, String cause) {
            expired.add(cause);
            return BatchOutcome.completed(batch.records());
        }
    }
}
