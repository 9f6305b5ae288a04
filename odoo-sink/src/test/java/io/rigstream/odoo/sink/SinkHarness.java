package io.rigstream.odoo.sink;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.rigstream.embedded.EmbeddedKafka;
import io.rigstream.odoo.sink.config.OdooSinkConfig;
import io.rigstream.runtime.management.HealthRegistry;
import io.rigstream.schemas.RejectedReading;
import io.rigstream.schemas.registry.SchemaRegistries;
import io.rigstream.schemas.registry.SchemaRegistryClient;
import io.rigstream.schemas.topics.TopicDescriptor;
import io.rigstream.schemas.topics.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * A sink's surroundings on a real broker: its own topics (a suffix keeps tests apart), records produced the way the
 * topology produces them, the sink service itself, and what the sink left behind (dead letters, committed offsets).
 */
final class SinkHarness implements AutoCloseable {

    static final String REGISTRY = "mock://odoo-sink-test";

    private final EmbeddedKafka kafka;
    private final String suffix;
    private final SchemaRegistryClient registry = SchemaRegistries.forUrl(REGISTRY, Optional.empty(), Duration.ofSeconds(5));
    private final KafkaProducer<byte[], byte[]> producer;
    private final List<OdooSinkService> services = new ArrayList<>();
    final HealthRegistry health = new HealthRegistry();
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    SinkHarness(EmbeddedKafka kafka, String suffix) throws Exception {
        this.kafka = kafka;
        this.suffix = suffix;
        try (Admin admin = kafka.admin()) {
            admin.createTopics(List.of(new NewTopic(usage(), 2, (short) 1), new NewTopic(maintenance(), 1, (short) 1),
                    new NewTopic(downtime(), 1, (short) 1), new NewTopic(deadLetters(), 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
        producer = new KafkaProducer<>(Map.of("bootstrap.servers", kafka.bootstrapServers()), new ByteArraySerializer(), new ByteArraySerializer());
    }

    String usage() {
        return Topics.JOB_USAGE_DAILY.name() + "-" + suffix;
    }

    String maintenance() {
        return Topics.MAINTENANCE.name() + "-" + suffix;
    }

    String downtime() {
        return Topics.DOWNTIME.name() + "-" + suffix;
    }

    String deadLetters() {
        return Topics.ODOO_REJECTED.name() + "-" + suffix;
    }

    /** The sink's settings for these topics and this broker, with fast batching and retries, plus {@code overrides}. */
    Map<String, String> settings(String group, Map<String, String> overrides) {
        Map<String, String> values = new HashMap<>();
        values.put("kafka.bootstrap.servers", kafka.bootstrapServers());
        values.put("schema.registry.url", REGISTRY);
        values.put("schema.registry.allow-mock", "true");
        values.put(OdooSinkConfig.TOPIC_USAGE, usage());
        values.put(OdooSinkConfig.TOPIC_MAINTENANCE, maintenance());
        values.put(OdooSinkConfig.TOPIC_DOWNTIME, downtime());
        values.put(OdooSinkConfig.TOPIC_DEAD_LETTER, deadLetters());
        values.put(OdooSinkConfig.GROUP_ID, group);
        values.put(OdooSinkConfig.BATCH_MAX_RECORDS, "20");
        values.put(OdooSinkConfig.BATCH_LINGER_MS, "100");
        values.put(OdooSinkConfig.RETRY_INITIAL_MS, "100");
        values.put(OdooSinkConfig.RETRY_MAX_MS, "1000");
        values.put("kafka.consumer.session.timeout.ms", "10000");
        values.putAll(overrides);
        return values;
    }

    OdooSinkService start(OdooSinkConfig config) {
        OdooSinkService service = new OdooSinkService(config, Clock.systemUTC(), meters, health);
        services.add(service);
        service.start();
        return service;
    }

    <T extends SpecificRecord> void send(String topic, TopicDescriptor<T> type, String key, T value) throws Exception {
        sendBytes(topic, key, type.valueSerde(registry).serializer().serialize(topic, value));
    }

    void sendBytes(String topic, String key, byte[] value) throws Exception {
        producer.send(new ProducerRecord<>(topic, key.getBytes(StandardCharsets.UTF_8), value)).get(30, TimeUnit.SECONDS);
    }

    /** True when the group has committed every record of the sink's input topics. */
    boolean caughtUp(String group) throws Exception {
        try (Admin admin = kafka.admin()) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            for (String topic : List.of(usage(), maintenance(), downtime())) {
                admin.describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS).get(topic).partitions()
                        .forEach(p -> latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
            }
            var ends = admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS);
            for (var end : ends.entrySet()) {
                OffsetAndMetadata offset = committed.get(end.getKey());
                long position = offset == null ? 0 : offset.offset();
                if (position < end.getValue().offset()) {
                    return false;
                }
            }
            return true;
        }
    }

    /** Batches put back for another try after a transient failure, all lanes. */
    double batchRetries() {
        return meters.find("rigstream.odoo-sink.batch.retries").counters().stream().mapToDouble(c -> c.count()).sum();
    }

    /** Committed offsets of a group, summed over partitions. */
    long committedTotal(String group) throws Exception {
        try (Admin admin = kafka.admin()) {
            return admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS)
                    .values().stream().mapToLong(offset -> offset == null ? 0 : offset.offset()).sum();
        }
    }

    /** Every dead letter so far, with its headers as text. */
    List<Letter> readDeadLetters() {
        Map<String, Object> props = Map.of("bootstrap.servers", kafka.bootstrapServers(), "auto.offset.reset", "earliest",
                "group.id", "reader-" + System.nanoTime());
        List<Letter> letters = new ArrayList<>();
        var deserializer = Topics.ODOO_REJECTED.valueSerde(registry).deserializer();
        try (var consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            TopicPartition partition = new TopicPartition(deadLetters(), 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long end = consumer.endOffsets(List.of(partition)).get(partition);
            while (consumer.position(partition) < end) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    Map<String, String> headers = new HashMap<>();
                    record.headers().forEach(h -> headers.put(h.key(), new String(h.value(), StandardCharsets.UTF_8)));
                    letters.add(new Letter(deserializer.deserialize(record.topic(), record.value()), headers));
                }
            }
        }
        return letters;
    }

    record Letter(RejectedReading value, Map<String, String> headers) {
    }

    @Override
    public void close() {
        services.forEach(OdooSinkService::close);
        producer.close();
    }
}
