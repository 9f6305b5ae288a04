package io.rigstream.odoo.sink.kafka;

import io.rigstream.odoo.sink.config.OdooSinkConfig;
import io.rigstream.schemas.RejectedReading;
import io.rigstream.schemas.topics.Topics;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * "Replay the dead-letter topic with one command": once the cause is fixed (equipment created, rights granted),
 * every dead letter the sink wrote since the last replay goes back to its source topic, key and value exactly as they
 * were, and the sink delivers it like any record (idempotently). The replay's own consumer group remembers how far
 * it got, so running it twice does not replay twice; it stops at the end offsets seen when it started.
 */
public final class DeadLetterReplayer {

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterReplayer.class);
    private static final Duration POLL = Duration.ofMillis(200);

    /** @param replayed records written back; skipped: not the sink's, not matching the filter, or unreadable */
    public record Result(int replayed, int skipped) {
    }

    private final OdooSinkConfig config;

    public DeadLetterReplayer(OdooSinkConfig config) {
        this.config = config;
    }

    public Result replayAll(Duration timeout) throws InterruptedException {
        return replay(letter -> true, timeout);
    }

    /** Replays the dead letters {@code filter} accepts (e.g. one reason code); the others are passed over for good. */
    public Result replay(Predicate<RejectedReading> filter, Duration timeout) throws InterruptedException {
        String topic = config.topics().deadLetter();
        var deserializer = Topics.ODOO_REJECTED.valueSerde(config.common().schemaRegistry()).deserializer();
        Instant deadline = Instant.now().plus(timeout);
        int replayed = 0;
        int skipped = 0;
        try (var consumer = new KafkaConsumer<>(KafkaClients.consumer(config, config.topics().groupId() + "-replay", "rigstream-odoo-replay"),
                     new ByteArrayDeserializer(), new ByteArrayDeserializer());
             var producer = new KafkaProducer<>(KafkaClients.producer(config, "rigstream-odoo-replay"), new ByteArraySerializer(), new ByteArraySerializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, timeout).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
            Map<TopicPartition, OffsetAndMetadata> consumed = new HashMap<>();
            while (!caughtUp(consumer, end)) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("Replay did not reach the end of " + topic + " within " + timeout
                            + "; " + replayed + " replayed so far (their offsets are committed, rerun to continue)");
                }
                List<Future<RecordMetadata>> sent = new ArrayList<>();
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
                    RejectedReading letter = read(deserializer, record);
                    if (letter != null && KafkaDeadLetterPublisher.STAGE.equals(letter.getStage()) && filter.test(letter)) {
                        sent.add(producer.send(new ProducerRecord<>(letter.getSourceTopic(), null, record.key(),
                                bytes(letter.getPayload()), replayedFrom(record))));
                        replayed++;
                    } else {
                        skipped++;
                    }
                    consumed.put(new TopicPartition(record.topic(), record.partition()), new OffsetAndMetadata(record.offset() + 1));
                }
                producer.flush();
                for (Future<RecordMetadata> ack : sent) {
                    ack.get();
                }
                if (!consumed.isEmpty()) {
                    consumer.commitSync(consumed);
                }
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("Replay stopped: a record could not be written back (" + e.getCause()
                    + "); the dead letters before it are committed, rerun to continue", e.getCause());
        }
        LOG.info("Replayed {} dead letters from {} ({} passed over)", replayed, topic, skipped);
        return new Result(replayed, skipped);
    }

    private static boolean caughtUp(KafkaConsumer<byte[], byte[]> consumer, Map<TopicPartition, Long> end) {
        for (Map.Entry<TopicPartition, Long> partition : end.entrySet()) {
            if (consumer.position(partition.getKey()) < partition.getValue()) {
                return false;
            }
        }
        return true;
    }

    private static RejectedReading read(org.apache.kafka.common.serialization.Deserializer<RejectedReading> deserializer,
            ConsumerRecord<byte[], byte[]> record) {
        try {
            return deserializer.deserialize(record.topic(), record.value());
        } catch (RuntimeException e) {
            LOG.warn("Dead letter {}-{}@{} is unreadable and is passed over: {}", record.topic(), record.partition(), record.offset(), e.toString());
            return null;
        }
    }

    private static RecordHeaders replayedFrom(ConsumerRecord<byte[], byte[]> record) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(DeadLetterHeaders.REPLAYED_FROM,
                (record.topic() + "-" + record.partition() + "@" + record.offset()).getBytes(StandardCharsets.UTF_8));
        return headers;
    }

    private static byte[] bytes(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.duplicate().get(bytes);
        return bytes;
    }
}
