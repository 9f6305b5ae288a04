package io.rigstream.odoo.sink.kafka;

import io.rigstream.odoo.sink.delivery.DeadLetter;
import io.rigstream.odoo.sink.delivery.DeadLetterPublisher;
import io.rigstream.schemas.RejectedReading;
import io.rigstream.schemas.registry.SchemaRegistryException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * Writes dead letters to the {@code odoo.rejected} topic: the original key, a {@link RejectedReading} carrying the
 * original value bytes (so the replayer can put the record back as it was), and headers with the source coordinates
 * and Odoo's message. Returns only when Kafka acknowledged every one.
 */
public final class KafkaDeadLetterPublisher implements DeadLetterPublisher {

    static final String STAGE = "odoo-sink";

    private final Producer<byte[], RejectedReading> producer;
    private final String topic;
    private final Clock clock;
    private final Duration timeout;

    public KafkaDeadLetterPublisher(Producer<byte[], RejectedReading> producer, String topic, Clock clock, Duration timeout) {
        this.producer = producer;
        this.topic = topic;
        this.clock = clock;
        this.timeout = timeout;
    }

    @Override
    public void publish(List<DeadLetter> letters) throws DeadLetterFailure, InterruptedException {
        List<Future<RecordMetadata>> sent = new ArrayList<>();
        try {
            for (DeadLetter letter : letters) {
                sent.add(producer.send(new ProducerRecord<>(topic, null, letter.source().key(), value(letter), headers(letter))));
            }
        } catch (KafkaException | SchemaRegistryException e) {
            throw new DeadLetterFailure("could not send to dead-letter topic " + topic + ": " + e, e);
        }
        for (Future<RecordMetadata> ack : sent) {
            try {
                ack.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (ExecutionException | TimeoutException e) {
                throw new DeadLetterFailure("dead-letter topic " + topic + " did not acknowledge: " + e, e);
            }
        }
    }

    private RejectedReading value(DeadLetter letter) {
        byte[] payload = letter.source().value() == null ? new byte[0] : letter.source().value();
        return RejectedReading.newBuilder()
                .setReason(letter.reason())
                .setDetail(letter.detail() == null ? "" : letter.detail())
                .setStage(STAGE)
                .setSourceTopic(letter.source().topic())
                .setTenant(letter.decoded().map(record -> field(record, "tenant")).orElse(null))
                .setEquipmentId(letter.decoded().map(record -> field(record, "equipmentId")).orElse(null))
                .setReadingIndex(null)
                .setPayload(ByteBuffer.wrap(payload))
                .setReceivedTs(clock.instant())
                .build();
    }

    private static RecordHeaders headers(DeadLetter letter) {
        RecordHeaders headers = new RecordHeaders();
        add(headers, DeadLetterHeaders.TOPIC, letter.source().topic());
        add(headers, DeadLetterHeaders.PARTITION, Integer.toString(letter.source().partition()));
        add(headers, DeadLetterHeaders.OFFSET, Long.toString(letter.source().offset()));
        add(headers, DeadLetterHeaders.REASON, letter.reason());
        add(headers, DeadLetterHeaders.ERROR_CLASS, letter.errorClass());
        add(headers, DeadLetterHeaders.MESSAGE, letter.detail() == null ? "" : letter.detail());
        add(headers, DeadLetterHeaders.STAGE, STAGE);
        return headers;
    }

    private static void add(RecordHeaders headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    /** Tenant and equipment of whichever record type it is, read through its schema. */
    private static String field(SpecificRecord record, String name) {
        Schema.Field field = record.getSchema().getField(name);
        Object value = field == null ? null : record.get(field.pos());
        return value == null ? null : value.toString();
    }
}
