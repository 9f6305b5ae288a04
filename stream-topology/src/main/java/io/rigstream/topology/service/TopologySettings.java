package io.rigstream.topology.service;

import io.rigstream.runtime.config.CommonConfig;
import io.rigstream.schemas.registry.SchemaRegistryClient;
import io.rigstream.topology.TopologyConfig;
import io.rigstream.topology.metrics.TopologyMetrics;
import io.rigstream.topology.rocksdb.BoundedMemoryRocksDBConfig;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.streams.StreamsConfig;

/**
 * The topology service's configuration keys, for the launcher's layered configuration (file, {@code RIGSTREAM_*}
 * environment, CLI). Durations are ISO-8601 ({@code PT2H}, {@code P7D}). Kafka Streams settings pass through
 * under {@link #STREAMS_PREFIX}.
 */
public final class TopologySettings {

    public static final String STREAMS_PREFIX = "kafka.streams.";

    public static final String APPLICATION_ID = "topology.application-id";
    public static final String LATENESS_HORIZON = "topology.lateness-horizon";
    public static final String GRACE = "topology.grace";
    public static final String MAX_GAP = "topology.max-gap";
    public static final String METER_TOLERANCE = "topology.meter-tolerance";
    public static final String SILENCE_AFTER = "topology.silence-after";
    public static final String PUNCTUATION_INTERVAL = "topology.punctuation-interval";
    public static final String PURGE_INTERVAL = "topology.purge-interval";
    public static final String FLEET_TIME_ZONE = "topology.fleet-time-zone";
    public static final String FUEL_DROP_THRESHOLD_PCT = "topology.fuel-drop-threshold-pct";
    public static final String MAX_SPEED_KMH = "topology.max-speed-kmh";
    public static final String SEQ_WINDOW = "topology.seq-window";
    public static final String STATE_DIR = "topology.state-dir";
    public static final String STANDBY_REPLICAS = "topology.standby-replicas";
    public static final String STREAM_THREADS = "topology.stream-threads";
    public static final String ROCKSDB_MEMORY_BYTES = "topology.rocksdb.memory-bytes";
    public static final String ADVERTISED_HOST = "topology.advertised-host";

    private TopologySettings() {
    }

    public static ConfigDef define(ConfigDef definition) {
        return definition
                .define(APPLICATION_ID, Type.STRING, "rigstream-topology", new CommonConfig.NonBlank(), Importance.HIGH,
                        "Kafka Streams application id: consumer group and prefix of internal topics. Changing it starts from scratch.")
                .define(LATENESS_HORIZON, Type.STRING, "P7D", new IsoDuration(), Importance.HIGH,
                        "How far behind an equipment's newest reading a reading may arrive and still count; also the deduplication horizon.")
                .define(GRACE, Type.STRING, "PT2H", new IsoDuration(), Importance.HIGH,
                        "How long after a site-local day ends (in stream time, or wall clock when idle) it is closed and emitted.")
                .define(MAX_GAP, Type.STRING, "PT15M", new IsoDuration(), Importance.MEDIUM,
                        "A silent gap longer than this between readings is unknown time, not engine time.")
                .define(METER_TOLERANCE, Type.STRING, "PT6M", new IsoDuration(), Importance.LOW,
                        "How far a counter may run ahead of elapsed time in one interval before it is capped as implausible.")
                .define(SILENCE_AFTER, Type.STRING, "PT30M", new IsoDuration(), Importance.MEDIUM,
                        "Silence during shift hours after which NO_REPORT is raised.")
                .define(PUNCTUATION_INTERVAL, Type.STRING, "PT30S", new IsoDuration(), Importance.LOW,
                        "How often (wall clock) changed windows are emitted, due days closed and silence checked.")
                .define(PURGE_INTERVAL, Type.STRING, "PT10M", new IsoDuration(), Importance.LOW,
                        "How often state older than the horizon is purged.")
                .define(FLEET_TIME_ZONE, Type.STRING, "UTC", new Zone(), Importance.MEDIUM,
                        "IANA zone of the per-equipment hourly and daily windows; job days use the site's zone.")
                .define(FUEL_DROP_THRESHOLD_PCT, Type.DOUBLE, 5.0, Range.between(0.1, 100.0), Importance.LOW,
                        "Percent of the tank that must leave it while the engine is off to raise FUEL_DROP.")
                .define(MAX_SPEED_KMH, Type.DOUBLE, 120.0, Range.atLeast(1.0), Importance.LOW,
                        "GPS fixes implying a faster move are discarded as jumps.")
                .define(SEQ_WINDOW, Type.INT, 1024, Range.between(64, 65_536), Importance.LOW,
                        "Recent sequence numbers remembered per equipment for deduplication (a multiple of 64).")
                .define(STATE_DIR, Type.STRING, "rigstream-data/streams", new CommonConfig.NonBlank(), Importance.HIGH,
                        "Directory of the local RocksDB state; keep it on a persistent volume to avoid restores.")
                .define(STANDBY_REPLICAS, Type.INT, 0, Range.atLeast(0), Importance.MEDIUM,
                        "Warm standby copies of each task's state on other instances, for fast failover.")
                .define(STREAM_THREADS, Type.INT, 1, Range.atLeast(1), Importance.MEDIUM,
                        "Stream threads of this instance.")
                .define(ROCKSDB_MEMORY_BYTES, Type.LONG, BoundedMemoryRocksDBConfig.DEFAULT_MEMORY_BYTES,
                        Range.atLeast(16L * 1024 * 1024), Importance.MEDIUM,
                        "Off-heap memory for all RocksDB stores of the process: block cache, index/filter blocks and memtables.")
                .define(ADVERTISED_HOST, Type.STRING, "localhost", new CommonConfig.NonBlank(), Importance.MEDIUM,
                        "Host other instances reach this one's management port at, for forwarded interactive queries.");
    }

    public static TopologyConfig topologyConfig(AbstractConfig parsed, SchemaRegistryClient registry, TopologyMetrics metrics) {
        try {
            return TopologyConfig.builder(registry)
                    .applicationId(parsed.getString(APPLICATION_ID))
                    .latenessHorizon(duration(parsed, LATENESS_HORIZON))
                    .grace(duration(parsed, GRACE))
                    .maxGap(duration(parsed, MAX_GAP))
                    .meterTolerance(duration(parsed, METER_TOLERANCE))
                    .silenceAfter(duration(parsed, SILENCE_AFTER))
                    .punctuationInterval(duration(parsed, PUNCTUATION_INTERVAL))
                    .purgeInterval(duration(parsed, PURGE_INTERVAL))
                    .fleetTimeZone(ZoneId.of(parsed.getString(FLEET_TIME_ZONE)))
                    .fuelDropThresholdPct(parsed.getDouble(FUEL_DROP_THRESHOLD_PCT))
                    .maxSpeedKmh(parsed.getDouble(MAX_SPEED_KMH))
                    .seqWindow(parsed.getInt(SEQ_WINDOW))
                    .metrics(metrics)
                    .build();
        } catch (IllegalArgumentException e) {
            throw new ConfigException("Invalid topology settings: " + e.getMessage());
        }
    }

    /**
     * Kafka Streams properties: the shared client settings, this service's state and scaling keys, then
     * {@code kafka.streams.*}, which wins.
     *
     * @param managementPort the port interactive queries are served on, advertised to the other instances
     */
    public static Properties streamsProperties(AbstractConfig parsed, CommonConfig common, int managementPort) {
        Map<String, Object> service = new HashMap<>();
        service.put(StreamsConfig.STATE_DIR_CONFIG, parsed.getString(STATE_DIR));
        service.put(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, parsed.getInt(STANDBY_REPLICAS));
        service.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, parsed.getInt(STREAM_THREADS));
        service.put(StreamsConfig.APPLICATION_SERVER_CONFIG, parsed.getString(ADVERTISED_HOST) + ":" + managementPort);
        service.put(BoundedMemoryRocksDBConfig.MEMORY_BYTES_CONFIG, parsed.getLong(ROCKSDB_MEMORY_BYTES));
        Properties properties = new Properties();
        properties.putAll(common.kafkaClientProperties(service, parsed.originalsWithPrefix(STREAMS_PREFIX)));
        return properties;
    }

    private static Duration duration(AbstractConfig parsed, String key) {
        return Duration.parse(parsed.getString(key));
    }

    /** A positive ISO-8601 duration. */
    static final class IsoDuration implements ConfigDef.Validator {
        @Override
        public void ensureValid(String name, Object value) {
            try {
                if (value == null || Duration.parse(value.toString()).isNegative()) {
                    throw new ConfigException(name, value, "must be a non-negative ISO-8601 duration such as PT2H or P7D");
                }
            } catch (DateTimeParseException e) {
                throw new ConfigException(name, value, "must be an ISO-8601 duration such as PT2H or P7D");
            }
        }

        @Override
        public String toString() {
            return "ISO-8601 duration, e.g. PT15M, PT2H, P7D";
        }
    }

    /** An IANA zone id. */
    static final class Zone implements ConfigDef.Validator {
        @Override
        public void ensureValid(String name, Object value) {
            try {
                ZoneId.of(String.valueOf(value));
            } catch (RuntimeException e) {
                throw new ConfigException(name, value, "must be an IANA time zone such as Europe/Berlin or UTC");
            }
        }

        @Override
        public String toString() {
            return "IANA time zone, e.g. Europe/Berlin";
        }
    }
}
