package io.rigstream.ingest.it;

import io.rigstream.schemas.registry.SchemaRegistryClient;
import io.rigstream.schemas.topics.TopicDescriptor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;

/** Tails one topic from the beginning, decoding values through the wire-format serde. Use from one thread. */
final class KafkaTopicReader<V extends SpecificRecord> implements AutoCloseable {

    private final KafkaConsumer<String, V> consumer;
    private final List<ConsumerRecord<String, V>> records = new ArrayList<>();

    KafkaTopicReader(String bootstrapServers, SchemaRegistryClient registry, TopicDescriptor<V> topic) {
        this.consumer = new KafkaConsumer<>(Map.of("bootstrap.servers", bootstrapServers,
                "group.id", "it-" + UUID.randomUUID(), "auto.offset.reset", "earliest", "max.poll.records", 5000),
                topic.keySerde().deserializer(), topic.valueSerde(registry).deserializer());
        consumer.subscribe(List.of(topic.name()));
    }

    /** Polls once and returns only the records this poll brought. */
    List<ConsumerRecord<String, V>> pollNew() {
        List<ConsumerRecord<String, V>> fresh = new ArrayList<>();
        consumer.poll(Duration.ofMillis(200)).forEach(fresh::add);
        records.addAll(fresh);
        return fresh;
    }

    /** Polls once and returns every record read so far. */
    List<ConsumerRecord<String, V>> poll() {
        pollNew();
        return records;
    }

    @Override
    public void close() {
        consumer.close();
    }
}
