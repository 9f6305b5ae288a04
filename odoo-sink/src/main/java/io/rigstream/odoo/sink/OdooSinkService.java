package io.rigstream.odoo.sink;

import io.micrometer.core.instrument.MeterRegistry;
import io.rigstream.odoo.sink.config.OdooMode;
import io.rigstream.odoo.sink.config.OdooSinkConfig;
import io.rigstream.odoo.sink.config.SinkTopics;
import io.rigstream.odoo.sink.delivery.Backoff;
import io.rigstream.odoo.sink.delivery.BatchDelivery;
import io.rigstream.odoo.sink.delivery.Lane;
import io.rigstream.odoo.sink.health.SinkHealth;
import io.rigstream.odoo.sink.kafka.KafkaClients;
import io.rigstream.odoo.sink.kafka.KafkaDeadLetterPublisher;
import io.rigstream.odoo.sink.kafka.SinkLoop;
import io.rigstream.odoo.sink.metrics.MicrometerSinkMetrics;
import io.rigstream.odoo.sink.metrics.SinkMetrics;
import io.rigstream.odoo.sink.odoo.ErrorKind;
import io.rigstream.odoo.sink.odoo.OdooException;
import io.rigstream.odoo.sink.odoo.OdooSession;
import io.rigstream.odoo.sink.odoo.OdooTransport;
import io.rigstream.odoo.sink.outbox.OutboxTransport;
import io.rigstream.odoo.sink.throttle.RequestThrottle;
import io.rigstream.odoo.sink.throttle.Sleeper;
import io.rigstream.runtime.management.HealthRegistry;
import io.rigstream.schemas.RejectedReading;
import io.rigstream.schemas.registry.SchemaRegistryClient;
import io.rigstream.schemas.topics.Topics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The odoo-sink service: usage, maintenance triggers and downtime from Kafka into Odoo (or, in dry-run, into the
 * outbox file). {@link #start()} returns at once; {@link #termination()} completes when the sink stops, exceptionally
 * when a fatal error stopped it. {@link #close()} shuts down in order: stop polling, abandon the in-flight batches
 * without committing them, then close the Odoo and Kafka clients.
 */
public final class OdooSinkService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(OdooSinkService.class);
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(30);

    private final OdooSinkConfig config;
    private final Clock clock;
    private final SinkMetrics metrics;
    private final SinkHealth health = new SinkHealth();
    private final CompletableFuture<Void> termination = new CompletableFuture<>();
    private ExecutorService workers;
    private Producer<byte[], RejectedReading> producer;
    private OutboxTransport outbox;
    private SinkLoop loop;
    private Thread pollThread;
    private Thread connectThread;
    private boolean closed;

    public OdooSinkService(OdooSinkConfig config, Clock clock, MeterRegistry meters, HealthRegistry healthRegistry) {
        this.config = config;
        this.clock = clock;
        this.metrics = new MicrometerSinkMetrics(meters);
        health.register(healthRegistry);
    }

    public synchronized void start() {
        if (loop != null || closed) {
            throw new IllegalStateException("already started");
        }
        try {
            wire();
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        pollThread.start();
        if (connectThread != null) {
            connectThread.start();
        }
        LOG.info("odoo-sink started in {} mode, reading {}, {}, {}", config.connection().mode().key(), config.topics().maintenance(),
                config.topics().downtime(), config.topics().usage());
    }

    private void wire() {
        RequestThrottle throttle = new RequestThrottle(config.throttle(), clock, Sleeper.SYSTEM, metrics);
        OdooTransport transport = config.connection().mode() == OdooMode.DRY_RUN ? openOutbox(throttle) : liveSession(throttle);
        SchemaRegistryClient registry = config.common().schemaRegistry();
        SinkTopics topics = config.topics();
        producer = new KafkaProducer<>(KafkaClients.producer(config, "rigstream-odoo-sink-dlq"), new ByteArraySerializer(),
                Topics.ODOO_REJECTED.valueSerde(registry).serializer());
        BatchDelivery delivery = SinkWiring.delivery(config, transport, registry,
                new KafkaDeadLetterPublisher(producer, topics.deadLetter(), clock, config.connection().requestTimeout()), metrics);
        workers = Executors.newFixedThreadPool(Lane.values().length, daemon("odoo-sink-delivery"));
        loop = new SinkLoop(new KafkaConsumer<>(KafkaClients.consumer(config, topics.groupId(), "rigstream-odoo-sink"),
                new ByteArrayDeserializer(), new ByteArrayDeserializer()), topics, config.batch(), config.retry(),
                new Backoff(config.retry(), () -> ThreadLocalRandom.current().nextDouble()), delivery, workers, clock, health, metrics);
        pollThread = new Thread(this::poll, "odoo-sink-poll");
    }

    /** Completes when the sink has stopped; exceptionally with the message of a fatal error. */
    public CompletableFuture<Void> termination() {
        return termination;
    }

    /** What stopped the sink, when a fatal error did. */
    public Optional<String> fatalError() {
        return health.isFatal() ? Optional.of(health.liveness().detail()) : Optional.empty();
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (loop != null) {
            loop.stop();
            join(pollThread);
        }
        if (connectThread != null) {
            connectThread.interrupt();
            join(connectThread);
        }
        if (workers != null) {
            workers.shutdownNow();
            try {
                workers.awaitTermination(CLOSE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (producer != null) {
            producer.close(CLOSE_WAIT);
        }
        if (outbox != null) {
            try {
                outbox.close();
            } catch (IOException e) {
                LOG.warn("Closing the outbox failed", e);
            }
        }
        termination.complete(null);
    }

    private void poll() {
        try {
            loop.run();
        } catch (RuntimeException e) {
            LOG.error("The poll loop failed", e);
            health.fatal("poll loop failed: " + e);
        } finally {
            fatalError().ifPresent(message -> termination.completeExceptionally(new IllegalStateException(message)));
        }
    }

    private OdooTransport openOutbox(RequestThrottle throttle) {
        try {
            outbox = new OutboxTransport(config.outboxPath(), throttle, clock);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the dry-run outbox " + config.outboxPath(), e);
        }
        health.connected();
        LOG.info("Dry run: Odoo calls go to {}", config.outboxPath().toAbsolutePath());
        return outbox;
    }

    private OdooTransport liveSession(RequestThrottle throttle) {
        OdooSession session = SinkWiring.liveSession(config, throttle, metrics, clock);
        connectThread = new Thread(() -> connect(session), "odoo-sink-connect");
        connectThread.setDaemon(true);
        return session;
    }

    /** Connects at start, not at the first record, so wrong credentials or rights stop the sink at once. */
    private void connect(OdooSession session) {
        Backoff backoff = new Backoff(config.retry(), () -> ThreadLocalRandom.current().nextDouble());
        for (int failures = 1; !Thread.currentThread().isInterrupted(); failures++) {
            try {
                session.establish();
                health.connected();
                return;
            } catch (OdooException e) {
                if (e.kind() != ErrorKind.TRANSIENT) {
                    LOG.error("Odoo sink stopped: {}", e.getMessage());
                    health.fatal(e.getMessage());
                    loop.stop();
                    return;
                }
                Duration delay = backoff.delay(failures, e.retryAfter());
                LOG.warn("Cannot reach Odoo yet ({}); trying again in {} ms", e.getMessage(), delay.toMillis());
                try {
                    Sleeper.SYSTEM.sleep(delay);
                } catch (InterruptedException interrupted) {
                    return;
                }
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private static ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    private static void join(Thread thread) {
        try {
            thread.join(CLOSE_WAIT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
