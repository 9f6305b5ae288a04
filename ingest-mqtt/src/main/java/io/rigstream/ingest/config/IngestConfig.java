package io.rigstream.ingest.config;

import io.rigstream.ingest.mapping.MappingLimits;
import io.rigstream.ingest.mapping.TopicTemplate;
import io.rigstream.runtime.config.CommonConfig;
import io.rigstream.runtime.config.ConfigInput;
import io.rigstream.runtime.config.Secrets;
import io.rigstream.runtime.config.ServiceConfigParser;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;

/** The bridge's configuration: validated once at start, immutable afterwards. */
public final class IngestConfig {

    public static final String MQTT_SERVER_URIS = "mqtt.server-uris";
    public static final String MQTT_CLIENT_ID = "mqtt.client-id";
    public static final String MQTT_TOPIC_TEMPLATE = "mqtt.topic-template";
    public static final String MQTT_SHARED_GROUP = "mqtt.shared-subscription-group";
    public static final String MQTT_SESSION_EXPIRY_S = "mqtt.session-expiry.seconds";
    public static final String MQTT_RECEIVE_MAXIMUM = "mqtt.receive-maximum";
    public static final String MQTT_KEEP_ALIVE_S = "mqtt.keep-alive.seconds";
    public static final String MQTT_CONNECT_TIMEOUT_S = "mqtt.connect-timeout.seconds";
    public static final String MQTT_USERNAME = "mqtt.username";
    public static final String MQTT_PASSWORD = "mqtt.password";
    public static final String MQTT_TLS_TRUSTSTORE = "mqtt.tls.truststore.path";
    public static final String MQTT_TLS_TRUSTSTORE_PASSWORD = "mqtt.tls.truststore.password";
    public static final String MQTT_TLS_KEYSTORE = "mqtt.tls.keystore.path";
    public static final String MQTT_TLS_KEYSTORE_PASSWORD = "mqtt.tls.keystore.password";
    public static final String PAYLOAD_MAX_BYTES = "payload.max-bytes";
    public static final String PAYLOAD_MAX_BATCH = "payload.max-batch-readings";
    public static final String PAYLOAD_MAX_CLOCK_SKEW_S = "payload.max-clock-skew.seconds";
    public static final String PAYLOAD_MAX_AGE_H = "payload.max-age.hours";
    public static final String KAFKA_PRODUCER_PREFIX = "kafka.producer.";

    public static final int DEFAULT_MANAGEMENT_PORT = 8081;

    /** Room in one Kafka request for a dead letter's fields beside the raw body it carries. */
    static final int DEAD_LETTER_OVERHEAD_BYTES = 64 * 1024;

    /** Where the bridge's broker, session and TLS settings come from. */
    public record Mqtt(List<String> serverUris, String clientId, String subscriptionFilter, Duration sessionExpiry,
            int receiveMaximum, Duration keepAlive, Duration connectTimeout, Optional<String> username,
            Optional<String> password, Optional<Tls> tls) {
        /** Never prints the password: records print every component by default. */
        @Override
        public String toString() {
            return "Mqtt[serverUris=" + serverUris + ", clientId=" + clientId + ", subscriptionFilter=" + subscriptionFilter
                    + ", sessionExpiry=" + sessionExpiry + ", receiveMaximum=" + receiveMaximum + ", username=" + username
                    + ", password=" + password.map(p -> "[hidden]").orElse("(none)") + ", tls=" + tls + "]";
        }
    }

    /** TLS to the broker: a trust store to verify it, and optionally a key store with our client certificate. */
    public record Tls(Path trustStore, Optional<String> trustStorePassword, Optional<Path> keyStore,
            Optional<String> keyStorePassword) {
        /** Never prints the store passwords. */
        @Override
        public String toString() {
            return "Tls[trustStore=" + trustStore + ", keyStore=" + keyStore + ", passwords=[hidden]]";
        }
    }

    private final CommonConfig common;
    private final Mqtt mqtt;
    private final TopicTemplate topicTemplate;
    private final MappingLimits limits;
    private final Map<String, Object> producerOverrides;

    private IngestConfig(AbstractConfig parsed) {
        this.common = CommonConfig.from(parsed);
        try {
            this.topicTemplate = TopicTemplate.parse(parsed.getString(MQTT_TOPIC_TEMPLATE));
        } catch (IllegalArgumentException e) {
            throw new ConfigException(MQTT_TOPIC_TEMPLATE, parsed.getString(MQTT_TOPIC_TEMPLATE), e.getMessage());
        }
        this.limits = new MappingLimits(parsed.getInt(PAYLOAD_MAX_BYTES), parsed.getInt(PAYLOAD_MAX_BATCH),
                Duration.ofSeconds(parsed.getLong(PAYLOAD_MAX_CLOCK_SKEW_S)), Duration.ofHours(parsed.getLong(PAYLOAD_MAX_AGE_H)));
        String group = parsed.getString(MQTT_SHARED_GROUP);
        String filter = group.isBlank() ? topicTemplate.subscriptionFilter()
                : "$share/" + group + "/" + topicTemplate.subscriptionFilter();
        String clientId = parsed.getString(MQTT_CLIENT_ID);
        this.mqtt = new Mqtt(parsed.getList(MQTT_SERVER_URIS), clientId.isBlank() ? defaultClientId() : clientId, filter,
                Duration.ofSeconds(parsed.getLong(MQTT_SESSION_EXPIRY_S)), parsed.getInt(MQTT_RECEIVE_MAXIMUM),
                Duration.ofSeconds(parsed.getInt(MQTT_KEEP_ALIVE_S)), Duration.ofSeconds(parsed.getInt(MQTT_CONNECT_TIMEOUT_S)),
                Optional.of(parsed.getString(MQTT_USERNAME)).filter(s -> !s.isBlank()),
                Secrets.resolve(MQTT_PASSWORD, parsed.getPassword(MQTT_PASSWORD)), tls(parsed));
        this.producerOverrides = Map.copyOf(parsed.originalsWithPrefix(KAFKA_PRODUCER_PREFIX));
        if ((long) limits.maxPayloadBytes() * mqtt.receiveMaximum() > 2L * 1024 * 1024 * 1024) {
            throw new ConfigException(MQTT_RECEIVE_MAXIMUM + " x " + PAYLOAD_MAX_BYTES + " bounds the bridge's memory for "
                    + "unacknowledged messages and must stay under 2 GiB; lower one of them");
        }
        int maxRequestSize = Integer.parseInt(String.valueOf(producerProperties().get(ProducerConfig.MAX_REQUEST_SIZE_CONFIG)));
        if (limits.maxPayloadBytes() + DEAD_LETTER_OVERHEAD_BYTES > maxRequestSize) {
            // A whole-message dead letter carries the raw body: one Kafka would refuse must not be accepted from MQTT.
            throw new ConfigException(PAYLOAD_MAX_BYTES + " is " + limits.maxPayloadBytes() + " but "
                    + KAFKA_PRODUCER_PREFIX + ProducerConfig.MAX_REQUEST_SIZE_CONFIG + " is " + maxRequestSize
                    + ": a rejected message goes to the dead-letter topic with its body, so the producer must take "
                    + "at least " + (limits.maxPayloadBytes() + DEAD_LETTER_OVERHEAD_BYTES) + " bytes (and the topic's "
                    + "max.message.bytes as much); raise " + KAFKA_PRODUCER_PREFIX + ProducerConfig.MAX_REQUEST_SIZE_CONFIG);
        }
    }

    public static ConfigDef definition() {
        ConfigDef definition = new ConfigDef()
                .define(MQTT_SERVER_URIS, Type.LIST, "tcp://localhost:1883", Importance.HIGH,
                        "MQTT broker URIs (tcp:// or ssl://), tried in order; several for a broker cluster.")
                .define(MQTT_CLIENT_ID, Type.STRING, "", Importance.HIGH,
                        "Stable MQTT client id; the broker keeps this session's queue while the bridge is down. "
                                + "Empty: rigstream-ingest-<hostname> (the pod name on Kubernetes).")
                .define(MQTT_TOPIC_TEMPLATE, Type.STRING, "fleet/{tenant}/{equipmentId}/telemetry", Importance.HIGH,
                        "Gateway topic template; {tenant} and {equipmentId} are extracted from each topic.")
                .define(MQTT_SHARED_GROUP, Type.STRING, "rigstream-ingest", Importance.MEDIUM,
                        "MQTT 5 shared subscription group ($share/<group>/<filter>) spreading gateways over replicas; "
                                + "empty subscribes without sharing.")
                .define(MQTT_SESSION_EXPIRY_S, Type.LONG, 86_400L, Range.atLeast(0), Importance.MEDIUM,
                        "How long the broker keeps the bridge's session and queued messages after a disconnect, seconds.")
                .define(MQTT_RECEIVE_MAXIMUM, Type.INT, 1000, Range.between(1, 65535), Importance.MEDIUM,
                        "Most QoS 1 messages the broker may have in flight to the bridge before it acknowledges; "
                                + "bounds memory and is the back-pressure on gateways when Kafka is slow.")
                .define(MQTT_KEEP_ALIVE_S, Type.INT, 30, Range.atLeast(1), Importance.LOW, "MQTT keep-alive, seconds.")
                .define(MQTT_CONNECT_TIMEOUT_S, Type.INT, 30, Range.atLeast(1), Importance.LOW, "MQTT connect timeout, seconds.")
                .define(MQTT_USERNAME, Type.STRING, "", Importance.MEDIUM, "MQTT user name; empty for none.")
                .define(MQTT_PASSWORD, Type.PASSWORD, "", Importance.MEDIUM,
                        "MQTT password or token, or file:/path to read it from. Secret.")
                .define(MQTT_TLS_TRUSTSTORE, Type.STRING, "", Importance.MEDIUM,
                        "Trust store (PKCS12 or JKS) to verify the broker's certificate; empty uses the JVM's default trust.")
                .define(MQTT_TLS_TRUSTSTORE_PASSWORD, Type.PASSWORD, "", Importance.LOW, "Trust store password. Secret.")
                .define(MQTT_TLS_KEYSTORE, Type.STRING, "", Importance.MEDIUM,
                        "Key store (PKCS12 or JKS) with the bridge's client certificate, for brokers that require one.")
                .define(MQTT_TLS_KEYSTORE_PASSWORD, Type.PASSWORD, "", Importance.LOW, "Key store password. Secret.")
                .define(PAYLOAD_MAX_BYTES, Type.INT, 256 * 1024, Range.between(1024, 64 * 1024 * 1024), Importance.LOW,
                        "Largest accepted message body, bytes; larger is rejected TOO_LARGE.")
                .define(PAYLOAD_MAX_BATCH, Type.INT, 10_000, Range.atLeast(1), Importance.LOW,
                        "Most readings in one batch message; more is rejected TOO_LARGE.")
                .define(PAYLOAD_MAX_CLOCK_SKEW_S, Type.LONG, 600L, Range.atLeast(0), Importance.LOW,
                        "How far ahead of the bridge's clock a reading's ts may be, seconds (FUTURE_TIMESTAMP beyond).")
                .define(PAYLOAD_MAX_AGE_H, Type.LONG, 720L, Range.atLeast(1), Importance.LOW,
                        "Oldest accepted reading age, hours (STALE_TIMESTAMP beyond).");
        return CommonConfig.define(definition, DEFAULT_MANAGEMENT_PORT);
    }

    public static List<String> passThroughPrefixes() {
        return CommonConfig.passThroughPrefixes(KAFKA_PRODUCER_PREFIX);
    }

    public static IngestConfig load(ConfigInput input) {
        return new IngestConfig(ServiceConfigParser.parse(definition(), passThroughPrefixes(), input));
    }

    public CommonConfig common() {
        return common;
    }

    public Mqtt mqtt() {
        return mqtt;
    }

    public TopicTemplate topicTemplate() {
        return topicTemplate;
    }

    public MappingLimits limits() {
        return limits;
    }

    /**
     * Producer settings: durable and ordered by default (idempotent, acks=all); lz4, which cost less CPU than zstd for
     * the same throughput; 5 ms linger, because the MQTT broker lets only so many messages wait for their
     * acknowledgement (HiveMQ CE: 50) and every millisecond spent lingering stalls that window (docs/benchmarks.md);
     * delivery timeout unbounded so a Kafka outage holds messages unacknowledged instead of failing them; anything
     * under kafka.producer.* wins.
     */
    public Map<String, Object> producerProperties() {
        Map<String, Object> defaults = Map.of(
                ProducerConfig.MAX_REQUEST_SIZE_CONFIG,
                ProducerConfig.configDef().defaultValues().get(ProducerConfig.MAX_REQUEST_SIZE_CONFIG),
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4",
                ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, Integer.MAX_VALUE,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, Long.MAX_VALUE,
                ProducerConfig.CLIENT_ID_CONFIG, mqtt.clientId());
        return common.kafkaClientProperties(defaults, producerOverrides);
    }

    private static Optional<Tls> tls(AbstractConfig parsed) {
        String trustStore = parsed.getString(MQTT_TLS_TRUSTSTORE);
        String keyStore = parsed.getString(MQTT_TLS_KEYSTORE);
        if (trustStore.isBlank() && keyStore.isBlank()) {
            return Optional.empty();
        }
        if (trustStore.isBlank()) {
            throw new ConfigException(MQTT_TLS_KEYSTORE + " is set but " + MQTT_TLS_TRUSTSTORE
                    + " is not: a client certificate without verifying the broker would trust anyone");
        }
        return Optional.of(new Tls(Path.of(trustStore),
                Secrets.resolve(MQTT_TLS_TRUSTSTORE_PASSWORD, parsed.getPassword(MQTT_TLS_TRUSTSTORE_PASSWORD)),
                Optional.of(keyStore).filter(s -> !s.isBlank()).map(Path::of),
                Secrets.resolve(MQTT_TLS_KEYSTORE_PASSWORD, parsed.getPassword(MQTT_TLS_KEYSTORE_PASSWORD))));
    }

    private static String defaultClientId() {
        String host = System.getenv("HOSTNAME");
        if (host == null || host.isBlank()) {
            try {
                host = InetAddress.getLocalHost().getHostName();
            } catch (UnknownHostException e) {
                host = "local";
            }
        }
        return "rigstream-ingest-" + host;
    }
}
