package io.rigstream.topology.errors;

import io.rigstream.schemas.topics.Topics;
import io.rigstream.topology.metrics.TopologyMetrics.PoisonKind;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Poison on an input topic (bytes that are not the expected Avro) is dead-lettered and skipped: it can never be
 * read, so retrying it would stop the partition for good. Undecodable bytes on an internal topic mean this
 * release cannot read its own state, which is fatal.
 */
public final class DeadLetteringDeserializationHandler implements DeserializationExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetteringDeserializationHandler.class);
    private static final Set<String> INPUTS = Set.of(Topics.READINGS.name(), Topics.ASSIGNMENTS.name(), Topics.PROFILES.name());

    private DeadLetters deadLetters;

    @Override
    public void configure(Map<String, ?> configs) {
        deadLetters = DeadLetters.from(configs);
    }

    @Override
    public Response handleError(ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record, Exception exception) {
        if (!INPUTS.contains(record.topic())) {
            LOG.error("Cannot deserialize a record of internal topic {} partition {} offset {}; stopping",
                    record.topic(), record.partition(), record.offset(), exception);
            return Response.fail();
        }
        LOG.warn("Dead-lettering an undeserializable record of {} partition {} offset {}: {}", record.topic(),
                record.partition(), record.offset(), exception.toString());
        deadLetters.metrics().poison(PoisonKind.DESERIALIZATION);
        return Response.resume(List.of(deadLetters.letter(RejectReason.UNDESERIALIZABLE, record.topic(), record.partition(),
                record.offset(), record.key(), record.value(), record.timestamp(), exception)));
    }
}
