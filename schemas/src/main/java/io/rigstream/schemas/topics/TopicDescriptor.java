package io.rigstream.schemas.topics;

import io.rigstream.schemas.registry.SchemaRegistryClient;
import io.rigstream.schemas.wire.AvroWireSerde;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * One Kafka topic of rigstream, declared once: its name, what its keys and values are, and how Kafka keeps it.
 * Keys are UTF-8 strings (tenant-qualified ids), values Avro in the Confluent wire format.
 *
 * @param retention how long records are kept; empty for the broker's default (or forever when compacted)
 */
public record TopicDescriptor<V extends SpecificRecord>(
        String name, Class<V> valueType, boolean compacted, Optional<Duration> retention, String keyMeaning) {

    public Serde<String> keySerde() {
        return Serdes.String();
    }

    public Serde<V> valueSerde(SchemaRegistryClient registry) {
        return AvroWireSerde.forValues(registry, valueType);
    }

    /** Topic-level configuration to create the topic with. */
    public Map<String, String> topicConfig() {
        Map<String, String> config = new java.util.LinkedHashMap<>();
        config.put(TopicConfig.CLEANUP_POLICY_CONFIG,
                compacted ? TopicConfig.CLEANUP_POLICY_COMPACT : TopicConfig.CLEANUP_POLICY_DELETE);
        retention.ifPresent(r -> config.put(TopicConfig.RETENTION_MS_CONFIG, Long.toString(r.toMillis())));
        return Map.copyOf(config);
    }
}
