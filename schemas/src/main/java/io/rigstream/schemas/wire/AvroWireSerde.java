package io.rigstream.schemas.wire;

import io.rigstream.schemas.registry.SchemaRegistryClient;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Kafka serde for an Avro SpecificRecord type in the Confluent wire format, registering under
 * {@code <topic>-value} (or {@code <topic>-key}) as Confluent's TopicNameStrategy does.
 */
public final class AvroWireSerde<T extends SpecificRecord> implements Serde<T> {

    private final AvroWireSerializer<T> serializer;
    private final AvroWireDeserializer<T> deserializer;

    private AvroWireSerde(SchemaRegistryClient registry, Class<T> type, boolean isKey) {
        Schema schema = SpecificData.get().getSchema(type);
        this.serializer = new AvroWireSerializer<>(registry, schema, isKey);
        this.deserializer = new AvroWireDeserializer<>(registry, schema);
    }

    public static <T extends SpecificRecord> AvroWireSerde<T> forValues(SchemaRegistryClient registry, Class<T> type) {
        return new AvroWireSerde<>(registry, type, false);
    }

    public static <T extends SpecificRecord> AvroWireSerde<T> forKeys(SchemaRegistryClient registry, Class<T> type) {
        return new AvroWireSerde<>(registry, type, true);
    }

    @Override
    public Serializer<T> serializer() {
        return serializer;
    }

    @Override
    public Deserializer<T> deserializer() {
        return deserializer;
    }
}
