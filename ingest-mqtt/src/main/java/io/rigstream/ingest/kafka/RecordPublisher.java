package io.rigstream.ingest.kafka;

import io.rigstream.ingest.metrics.IngestMetrics;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bridge's Kafka side: sends already-serialized records and calls back only once Kafka has them (acks=all).
 * A send that fails for a reason time may cure is sent again after a jittered, growing pause, so an outage holds
 * MQTT acknowledgements back instead of losing data. Refused credentials or rights are fatal: the bridge is then
 * no longer alive, and the unacknowledged messages wait in the broker for a corrected restart.
 */
public final class RecordPublisher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RecordPublisher.class);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    private final Producer<String, byte[]> producer;
    private final IngestMetrics metrics;
    private final ScheduledExecutorService retries;
    private final AtomicReference<Exception> fatal = new AtomicReference<>();
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);
    private static final long STALL_NANOS = Duration.ofSeconds(10).toNanos();

    private final AtomicInteger outstanding = new AtomicInteger();
    private volatile long lastCompletionNanos = System.nanoTime();

    public RecordPublisher(Map<String, Object> producerProperties, IngestMetrics metrics) {
        this(new KafkaProducer<>(producerProperties, new StringSerializer(), new ByteArraySerializer()), metrics);
    }

    RecordPublisher(Producer<String, byte[]> producer, IngestMetrics metrics) {
        this.producer = producer;
        this.metrics = metrics;
        this.retries = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "ingest-kafka-retry");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Sends {@code record}; runs {@code onDurable} once Kafka acknowledged it, however many attempts that takes. */
    public void send(ProducerRecord<String, byte[]> record, Runnable onDurable) {
        if (outstanding.getAndIncrement() == 0) {
            lastCompletionNanos = System.nanoTime();
        }
        attempt(record, onDurable, 0);
    }

    /** Empty while healthy; the fatal error after Kafka refused our credentials or rights. */
    public Exception fatalError() {
        return fatal.get();
    }

    /**
     * The readiness signal "able to produce": nothing waits, or Kafka confirmed something recently. The producer
     * retries an outage silently (unbounded delivery timeout), so a stall is seen by sends that stop completing.
     */
    public boolean producing() {
        return fatal.get() == null
                && (outstanding.get() == 0 || System.nanoTime() - lastCompletionNanos < STALL_NANOS);
    }

    /** Waits up to 30 s for records in flight (an outage must not hang shutdown), then gives up on the rest. */
    @Override
    public void close() {
        retries.shutdownNow();
        producer.close(CLOSE_TIMEOUT);
    }

    private void attempt(ProducerRecord<String, byte[]> record, Runnable onDurable, int failures) {
        long started = System.nanoTime();
        try {
            producer.send(record, (metadata, error) -> {
                if (error == null) {
                    lastCompletionNanos = System.nanoTime();
                    outstanding.decrementAndGet();
                    metrics.kafkaSendLatency(lastCompletionNanos - started);
                    onDurable.run();
                } else {
                    failed(record, onDurable, failures + 1, error);
                }
            });
        } catch (RuntimeException e) {
            failed(record, onDurable, failures + 1, e);
        }
    }

    private void failed(ProducerRecord<String, byte[]> record, Runnable onDurable, int failures, Exception error) {
        metrics.kafkaSendFailed();
        if (error instanceof AuthenticationException || error instanceof AuthorizationException) {
            if (fatal.compareAndSet(null, error)) {
                LOG.error("Kafka refused the bridge ({}). Fix the kafka.common.* / kafka.producer.* security settings "
                        + "or the ACLs; messages stay unacknowledged in the MQTT broker until then.", error.getMessage());
            }
            return;
        }
        if (retries.isShutdown()) {
            return;
        }
        long backoffMs = backoffMillis(failures);
        if (failures == 1 || failures % 10 == 0) {
            LOG.warn("Kafka send to {} failed ({}{}), attempt {}; retrying in {} ms", record.topic(),
                    error.getClass().getSimpleName(), error instanceof RetriableException ? ", retriable" : "",
                    failures, backoffMs);
        }
        retries.schedule(() -> attempt(record, onDurable, failures), backoffMs, TimeUnit.MILLISECONDS);
    }

    static long backoffMillis(int failures) {
        long ceiling = Math.min(MAX_BACKOFF.toMillis(), 100L << Math.min(failures, 16));
        return ceiling / 2 + ThreadLocalRandom.current().nextLong(ceiling / 2 + 1);
    }
}
