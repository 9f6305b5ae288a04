package io.rigstream.topology.service;

import io.rigstream.runtime.management.HealthRegistry;
import io.rigstream.topology.RigstreamTopology;
import io.rigstream.topology.TopologyConfig;
import io.rigstream.topology.errors.DeadLetteringDeserializationHandler;
import io.rigstream.topology.errors.DeadLetteringProcessingHandler;
import io.rigstream.topology.errors.DeadLetters;
import io.rigstream.topology.errors.FailingProductionHandler;
import io.rigstream.topology.rocksdb.BoundedMemoryRocksDBConfig;
import io.rigstream.topology.query.InteractiveQueries;
import java.time.Duration;
import java.util.Properties;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.apache.kafka.streams.state.HostInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the topology in a {@link KafkaStreams} client: exactly-once v2, every exception handler set, RocksDB memory
 * bounded, unnamed internal resources refused. Given properties override these defaults except the application id,
 * which the topology's internal topic names depend on. Local state is never wiped on start.
 */
public final class TopologyService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TopologyService.class);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

    private final KafkaStreams streams;
    private final HostInfo self;

    /**
     * @param streamsProperties Kafka Streams settings: at least {@code bootstrap.servers}; for interactive queries
     *                          across instances also {@code application.server}
     */
    public TopologyService(TopologyConfig config, Properties streamsProperties) {
        Properties properties = effectiveProperties(config, streamsProperties);
        this.streams = new KafkaStreams(RigstreamTopology.build(config), properties);
        Object server = properties.get(StreamsConfig.APPLICATION_SERVER_CONFIG);
        this.self = server == null || server.toString().isBlank()
                ? HostInfo.unavailable() : HostInfo.buildFromEndpoint(server.toString());
        streams.setUncaughtExceptionHandler(exception -> {
            LOG.error("A stream thread failed; shutting this Kafka Streams client down", exception);
            return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        });
    }

    /** Streams' record cache per instance, by default: room for the statuses of about 100,000 equipment. */
    static final long STATUS_CACHE_BYTES = 128L * 1024 * 1024;

    /**
     * How often a transaction commits, by default; exactly-once's own default is 100 ms. Each commit ends a
     * transaction on every partition the task wrote (changelogs and outputs, about ten times the partitions a
     * pass-through writes) and flushes the status cache; at 100 ms that was a third of the topology's cost
     * (topology benchmark: 11,700 readings/s once started, 21,200 at 1 s). Outputs become visible to read-committed
     * consumers up to this much later, well inside the 30 s publication rounds that close windows.
     */
    public static final Duration COMMIT_INTERVAL = Duration.ofSeconds(1);

    /**
     * Tasks never wait for their empty partitions before processing what they have buffered. An equipment task reads
     * the readings and the two reference-data repartition topics, and the latter are empty nearly always; Kafka
     * Streams 4.3 formats a log line for each empty partition on every record it processes unless idling is off (7 %
     * of the stream thread, async-profiler). Waiting buys nothing here: usage is attributed from the equipment's full
     * assignment history by device time, and a change of reference data recomputes every window it touches.
     */
    public static final long MAX_TASK_IDLE_MS = -1;

    /** The Kafka Streams properties the service runs with: its defaults, then {@code given}, then what it must set. */
    public static Properties effectiveProperties(TopologyConfig config, Properties given) {
        Object appId = given.get(StreamsConfig.APPLICATION_ID_CONFIG);
        if (appId != null && !appId.equals(config.applicationId())) {
            throw new IllegalArgumentException(StreamsConfig.APPLICATION_ID_CONFIG + " " + appId
                    + " differs from the topology's application id " + config.applicationId()
                    + "; set it in one place, the topology config");
        }
        Properties properties = new Properties();
        properties.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        properties.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetteringDeserializationHandler.class);
        properties.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetteringProcessingHandler.class);
        properties.put(StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG, FailingProductionHandler.class);
        properties.put(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, BoundedMemoryRocksDBConfig.class);
        // Every reading and every publication round reads and writes its equipment's status through this cache. At
        // Kafka's default (10 MiB) the statuses of 100,000 equipment no longer fit, and the rounds spent 12 % of the
        // stream thread evicting and re-reading them (pipeline benchmark, paced at 100,000 equipment).
        properties.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, STATUS_CACHE_BYTES);
        properties.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, COMMIT_INTERVAL.toMillis());
        properties.put(StreamsConfig.MAX_TASK_IDLE_MS_CONFIG, MAX_TASK_IDLE_MS);
        properties.putAll(given);
        properties.put(StreamsConfig.APPLICATION_ID_CONFIG, config.applicationId());
        properties.put(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, true);
        properties.put(DeadLetters.CONFIG, new DeadLetters(config.registry(), config.metrics()));
        return properties;
    }

    public void start() {
        streams.start();
    }

    /** Alive unless the client has failed: a rebalancing or restoring client is alive, just not ready. */
    public boolean isLive() {
        KafkaStreams.State state = streams.state();
        return state != KafkaStreams.State.ERROR && state != KafkaStreams.State.PENDING_ERROR;
    }

    /** Ready only while running: every task assigned and restored. */
    public boolean isReady() {
        return streams.state() == KafkaStreams.State.RUNNING;
    }

    public void registerHealth(HealthRegistry health) {
        health.liveness("kafka-streams", () -> new HealthRegistry.Check(isLive(), streams.state().name()));
        health.readiness("kafka-streams", () -> new HealthRegistry.Check(isReady(), streams.state().name()));
    }

    /** Queries over this instance's stores, knowing which other instance owns what. */
    public InteractiveQueries interactiveQueries() {
        return new InteractiveQueries(streams, self);
    }

    /** The client, for metrics binding. */
    public KafkaStreams streams() {
        return streams;
    }

    @Override
    public void close() {
        // Leave the group on a graceful close: otherwise the group waits out this member's session timeout (45 s by
        // default) before it hands its partitions to another instance or standby, and they go unprocessed meanwhile.
        CloseOptions options = CloseOptions.timeout(CLOSE_TIMEOUT)
                .withGroupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP);
        if (!streams.close(options)) {
            LOG.warn("Kafka Streams did not close within {}", CLOSE_TIMEOUT);
        }
    }
}
