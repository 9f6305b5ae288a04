package io.rigstream.topology.errors;

import io.rigstream.schemas.RejectedReading;
import io.rigstream.schemas.registry.SchemaRegistryClient;
import io.rigstream.schemas.topics.Topics;
import io.rigstream.topology.metrics.TopologyMetrics;
import io.rigstream.topology.processing.EventRecords;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Turns a record the topology cannot use into a {@link RejectedReading} on the rejected topic, with headers naming
 * where it came from and what went wrong, as Kafka Connect's dead-letter reporter does. The Streams exception
 * handlers are instantiated by Kafka from class names, so they find this object in the Streams configuration under
 * {@link #CONFIG}, where {@link io.rigstream.topology.service.TopologyService} puts it.
 */
public final class DeadLetters {

    /** Streams configuration key holding the instance the exception handlers use. */
    public static final String CONFIG = "rigstream.topology.dead-letters";

    public static final String HEADER_TOPIC = "rigstream.error.topic";
    public static final String HEADER_PARTITION = "rigstream.error.partition";
    public static final String HEADER_OFFSET = "rigstream.error.offset";
    public static final String HEADER_EXCEPTION = "rigstream.error.exception.class";
    public static final String HEADER_MESSAGE = "rigstream.error.exception.message";

    private final Serializer<String> keys;
    private final Serializer<RejectedReading> values;
    private final TopologyMetrics metrics;

    public DeadLetters(SchemaRegistryClient registry, TopologyMetrics metrics) {
        this.keys = Topics.REJECTED.keySerde().serializer();
        this.values = Topics.REJECTED.valueSerde(registry).serializer();
        this.metrics = metrics;
    }

    static DeadLetters from(Map<String, ?> configs) {
        Object value = configs.get(CONFIG);
        if (!(value instanceof DeadLetters deadLetters)) {
            throw new ConfigException(CONFIG, value, "must hold the DeadLetters instance the exception handlers write with");
        }
        return deadLetters;
    }

    TopologyMetrics metrics() {
        return metrics;
    }

    /** A dead letter for the raw record at {@code topic}/{@code partition}/{@code offset}. */
    ProducerRecord<byte[], byte[]> letter(RejectReason reason, String topic, int partition, long offset, byte[] rawKey,
            byte[] rawValue, long timestamp, Exception cause) {
        String key = rawKey == null ? null : new String(rawKey, StandardCharsets.UTF_8);
        int slash = key == null ? -1 : key.indexOf('/');
        RejectedReading rejected = RejectedReading.newBuilder()
                .setReason(reason.name())
                .setDetail(cause.getClass().getSimpleName() + ": " + Objects.requireNonNullElse(cause.getMessage(), ""))
                .setStage(EventRecords.STAGE)
                .setSourceTopic(topic)
                .setTenant(slash > 0 ? key.substring(0, slash) : null)
                .setEquipmentId(slash > 0 ? key.substring(slash + 1) : null)
                .setPayload(ByteBuffer.wrap(rawValue == null ? new byte[0] : rawValue))
                .setReceivedTs(Instant.ofEpochMilli(Math.max(0, timestamp)))
                .build();
        RecordHeaders headers = new RecordHeaders();
        headers.add(HEADER_TOPIC, bytes(topic));
        headers.add(HEADER_PARTITION, bytes(Integer.toString(partition)));
        headers.add(HEADER_OFFSET, bytes(Long.toString(offset)));
        headers.add(HEADER_EXCEPTION, bytes(cause.getClass().getName()));
        headers.add(HEADER_MESSAGE, bytes(Objects.requireNonNullElse(cause.getMessage(), "")));
        String target = Topics.REJECTED.name();
        return new ProducerRecord<>(target, null, timestamp < 0 ? null : timestamp, keys.serialize(target, key),
                values.serialize(target, rejected), headers);
    }

    private static byte[] bytes(String text) {
        return text == null ? new byte[0] : text.getBytes(StandardCharsets.UTF_8);
    }
}
