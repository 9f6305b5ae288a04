package io.rigstream.runtime.config;

import io.rigstream.schemas.registry.SchemaRegistries;
import io.rigstream.schemas.registry.SchemaRegistryClient;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;

/**
 * Settings every service shares: where Kafka and the schema registry are, the management port, and the
 * {@code kafka.common.*} client settings (security) that apply to every Kafka client of the service.
 */
public final class CommonConfig {

    public static final String KAFKA_BOOTSTRAP_SERVERS = "kafka.bootstrap.servers";
    public static final String KAFKA_COMMON_PREFIX = "kafka.common.";
    public static final String SCHEMA_REGISTRY_URL = "schema.registry.url";
    public static final String SCHEMA_REGISTRY_ALLOW_MOCK = "schema.registry.allow-mock";
    public static final String SCHEMA_REGISTRY_BASIC_AUTH = "schema.registry.basic-auth";
    public static final String SCHEMA_REGISTRY_TIMEOUT_MS = "schema.registry.timeout.ms";
    public static final String MANAGEMENT_HOST = "management.host";
    public static final String MANAGEMENT_PORT = "management.port";

    private final String bootstrapServers;
    private final String schemaRegistryUrl;
    private final Optional<String> schemaRegistryBasicAuth;
    private final Duration schemaRegistryTimeout;
    private final String managementHost;
    private final int managementPort;
    private final Map<String, Object> kafkaCommon;

    private CommonConfig(AbstractConfig parsed) {
        this.bootstrapServers = parsed.getString(KAFKA_BOOTSTRAP_SERVERS);
        this.schemaRegistryUrl = parsed.getString(SCHEMA_REGISTRY_URL);
        this.schemaRegistryBasicAuth = Secrets.resolve(SCHEMA_REGISTRY_BASIC_AUTH, parsed.getPassword(SCHEMA_REGISTRY_BASIC_AUTH));
        this.schemaRegistryTimeout = Duration.ofMillis(parsed.getLong(SCHEMA_REGISTRY_TIMEOUT_MS));
        this.managementHost = parsed.getString(MANAGEMENT_HOST);
        this.managementPort = parsed.getInt(MANAGEMENT_PORT);
        this.kafkaCommon = Map.copyOf(parsed.originalsWithPrefix(KAFKA_COMMON_PREFIX));
        if (SchemaRegistries.isMock(schemaRegistryUrl) && !parsed.getBoolean(SCHEMA_REGISTRY_ALLOW_MOCK)) {
            throw new ConfigException(SCHEMA_REGISTRY_URL + " is " + schemaRegistryUrl + ": a mock:// registry lives in one JVM, "
                    + "so services in other processes could not read the schema ids it hands out. Set "
                    + SCHEMA_REGISTRY_URL + " (env " + ConfigSources.envVarFor(SCHEMA_REGISTRY_URL)
                    + ") to your Confluent-compatible registry, http(s)://host:port, or set " + SCHEMA_REGISTRY_ALLOW_MOCK
                    + "=true if every producer and consumer of these topics runs in this JVM.");
        }
    }

    /** Adds the shared keys to a service's definition. */
    public static ConfigDef define(ConfigDef definition, int defaultManagementPort) {
        return definition
                .define(KAFKA_BOOTSTRAP_SERVERS, Type.STRING, "localhost:9092", new NonBlank(), Importance.HIGH,
                        "Kafka bootstrap servers, host:port[,host:port...].")
                .define(SCHEMA_REGISTRY_URL, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, new NonBlank(), Importance.HIGH,
                        "Confluent-compatible schema registry, http(s)://host:port, or mock://<scope> for one JVM only.")
                .define(SCHEMA_REGISTRY_ALLOW_MOCK, Type.BOOLEAN, false, Importance.LOW,
                        "Accept a mock:// registry: only correct when every producer and consumer runs in this JVM (the demo).")
                .define(SCHEMA_REGISTRY_BASIC_AUTH, Type.PASSWORD, "", Importance.LOW,
                        "user:password for the registry's HTTP basic auth, or file:/path to read it from. Secret.")
                .define(SCHEMA_REGISTRY_TIMEOUT_MS, Type.LONG, 10_000L, Range.atLeast(1), Importance.LOW,
                        "Connect and request timeout for schema registry calls, ms.")
                .define(MANAGEMENT_HOST, Type.STRING, "0.0.0.0", Importance.LOW,
                        "Interface of the management HTTP server (/health/live, /health/ready, /metrics).")
                .define(MANAGEMENT_PORT, Type.INT, defaultManagementPort, Range.between(0, 65535), Importance.MEDIUM,
                        "Port of the management HTTP server; 0 picks a free port.");
    }

    public static CommonConfig from(AbstractConfig parsed) {
        return new CommonConfig(parsed);
    }

    public static List<String> passThroughPrefixes(String... servicePrefixes) {
        List<String> prefixes = new java.util.ArrayList<>(List.of(KAFKA_COMMON_PREFIX));
        prefixes.addAll(List.of(servicePrefixes));
        return List.copyOf(prefixes);
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    public String schemaRegistryUrl() {
        return schemaRegistryUrl;
    }

    public SchemaRegistryClient schemaRegistry() {
        return SchemaRegistries.forUrl(schemaRegistryUrl, schemaRegistryBasicAuth, schemaRegistryTimeout);
    }

    public String managementHost() {
        return managementHost;
    }

    public int managementPort() {
        return managementPort;
    }

    /**
     * Kafka client properties: bootstrap servers, then {@code kafka.common.*}, then the service's own defaults, then
     * the client-specific pass-through ({@code kafka.producer.*} etc.), which wins.
     */
    public Map<String, Object> kafkaClientProperties(Map<String, Object> serviceDefaults, Map<String, Object> clientSpecific) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("bootstrap.servers", bootstrapServers);
        properties.putAll(kafkaCommon);
        properties.putAll(serviceDefaults);
        properties.putAll(clientSpecific);
        return properties;
    }

    /** Rejects empty strings with a message naming the key. */
    public static final class NonBlank implements ConfigDef.Validator {
        @Override
        public void ensureValid(String name, Object value) {
            if (value == null || value.toString().isBlank()) {
                throw new ConfigException(name, value, "must not be empty");
            }
        }

        @Override
        public String toString() {
            return "non-empty string";
        }
    }
}
