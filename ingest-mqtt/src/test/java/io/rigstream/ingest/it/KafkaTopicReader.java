package io.rigstream.ingest.it;

import io.rigstream.schemas.registry.SchemaRegistryClient;
import io.rigstream.schemas.topics.TopicDescriptor;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;

/** Tails one topic from the beginning into a list, decoding values through the wire-format serde. */
final class KafkaTopicReader<V extends SpecificRecord> implements AutoCloseable {

    private final KafkaConsumer<String, V> consumer;
    private final List<ConsumerRecord<String, V>> records = new CopyOnWriteArrayList<>();

    KafkaTopicReader(String bootstrapServers, SchemaRegistryClient registry, TopicDescriptor<V> topic) {
        this.consumer = new KafkaConsumer<>(Map.of("bootstrap.servers", bootstrapServers,
                "group.id", "it-" + UUID.randomUUID(), "auto.offset.reset", "earliest", "max.poll.records", 5000),
                topic.keySerde().deserializer(), topic.valueSerde(registry).deserializer());
        consumer.subscribe(List.of(topic.name()));
    }

    /** Polls once; call from the test thread (e.g. inside Awaitility's until). */
    List<ConsumerRecord<String, V>> poll() {
        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
        return records;
    }

    @Override
    public void close() {
        consumer.close();
    }
}
