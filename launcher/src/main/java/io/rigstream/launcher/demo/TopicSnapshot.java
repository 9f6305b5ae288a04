package io.rigstream.launcher.demo;

import io.rigstream.schemas.registry.SchemaRegistryClient;
import io.rigstream.schemas.topics.TopicDescriptor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/** Reads a whole topic as it is now, from the beginning to the end offsets seen at the start of the read. */
public final class TopicSnapshot {

    private TopicSnapshot() {
    }

    public static <V extends SpecificRecord> List<ConsumerRecord<String, V>> read(String bootstrapServers,
            SchemaRegistryClient registry, TopicDescriptor<V> topic) {
        Map<String, Object> properties = Map.of("bootstrap.servers", bootstrapServers,
                "group.id", "rigstream-snapshot-" + UUID.randomUUID(), "enable.auto.commit", false,
                "isolation.level", "read_committed");
        try (KafkaConsumer<String, V> consumer = new KafkaConsumer<>(properties, topic.keySerde().deserializer(),
                topic.valueSerde(registry).deserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic.name()).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = new HashMap<>(consumer.endOffsets(partitions));
            List<ConsumerRecord<String, V>> records = new ArrayList<>();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            return records;
        }
    }

    /** The last value per key: what a compacted topic converges to. */
    public static <V extends SpecificRecord> Map<String, V> latestByKey(List<ConsumerRecord<String, V>> records) {
        Map<String, V> latest = new LinkedHashMap<>();
        records.forEach(r -> {
            if (r.value() == null) {
                latest.remove(r.key());
            } else {
                latest.put(r.key(), r.value());
            }
        });
        return latest;
    }
}
