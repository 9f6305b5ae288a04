package io.rigstream.e2e.harness;

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
import org.apache.kafka.common.TopicPartition;

/**
 * Everything committed to one topic so far, read from the beginning and kept up to date by {@link #records()}: what a
 * downstream system reading the topic would have seen. Use from one thread at a time.
 */
public final class TopicCollector<V extends SpecificRecord> implements AutoCloseable {

    private final KafkaConsumer<String, V> consumer;
    private final List<ConsumerRecord<String, V>> records = new ArrayList<>();

    public TopicCollector(String bootstrapServers, SchemaRegistryClient registry, TopicDescriptor<V> topic) {
        this.consumer = new KafkaConsumer<>(Map.of("bootstrap.servers", bootstrapServers,
                "group.id", "rigstream-e2e-" + UUID.randomUUID(), "enable.auto.commit", false,
                "isolation.level", "read_committed", "max.poll.records", 5000),
                topic.keySerde().deserializer(), topic.valueSerde(registry).deserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(topic.name()).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /** Reads what arrived since the last call (up to the end offsets as they are now) and returns all so far. */
    public List<ConsumerRecord<String, V>> records() {
        Map<TopicPartition, Long> end = consumer.endOffsets(consumer.assignment());
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        do {
            consumer.poll(Duration.ofMillis(100)).forEach(records::add);
        } while (end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())
                && System.nanoTime() < deadline);
        return List.copyOf(records);
    }

    public List<V> values() {
        return records().stream().map(ConsumerRecord::value).toList();
    }

    @Override
    public void close() {
        consumer.close();
    }
}
