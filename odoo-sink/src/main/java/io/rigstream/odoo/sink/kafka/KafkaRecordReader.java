package io.rigstream.odoo.sink.kafka;

import io.rigstream.odoo.sink.delivery.PendingRecord;
import io.rigstream.odoo.sink.delivery.RecordReader;
import io.rigstream.schemas.registry.SchemaRegistryClient;
import io.rigstream.schemas.topics.TopicDescriptor;
import java.util.HashMap;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads record values with the serde of the topic's declared type. Records are consumed as bytes and decoded here,
 * inside delivery, so an unreadable record is dead-lettered with its exact bytes instead of stopping the consumer.
 */
public final class KafkaRecordReader implements RecordReader {

    private final Map<String, Deserializer<? extends SpecificRecord>> byTopic = new HashMap<>();

    public KafkaRecordReader(SchemaRegistryClient registry, Map<String, TopicDescriptor<?>> topics) {
        topics.forEach((name, descriptor) -> byTopic.put(name, descriptor.valueSerde(registry).deserializer()));
    }

    @Override
    public SpecificRecord read(PendingRecord record) {
        Deserializer<? extends SpecificRecord> deserializer = byTopic.get(record.topic());
        if (deserializer == null) {
            throw new IllegalStateException("no value type known for topic " + record.topic());
        }
        return deserializer.deserialize(record.topic(), record.value());
    }
}
