package io.rigstream.topology.errors;

import io.rigstream.schemas.topics.Topics;
import io.rigstream.topology.metrics.TopologyMetrics.PoisonKind;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A reading whose processing throws is dead-lettered with its raw bytes and skipped: one reading the rules cannot
 * handle must not stop billing for the whole fleet. Anything else (reference data, a punctuation) fails the client,
 * since skipping it would silently lose state.
 */
public final class DeadLetteringProcessingHandler implements ProcessingExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetteringProcessingHandler.class);

    private DeadLetters deadLetters;

    @Override
    public void configure(Map<String, ?> configs) {
        deadLetters = DeadLetters.from(configs);
    }

    @Override
    public Response handleError(ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
        if (!Topics.READINGS.name().equals(context.topic()) || context.sourceRawValue() == null) {
            LOG.error("Processing failed in {} (task {}, topic {}); stopping", context.processorNodeId(),
                    context.taskId(), context.topic(), exception);
            return Response.fail();
        }
        LOG.error("Dead-lettering a reading that failed in {} ({} partition {} offset {})", context.processorNodeId(),
                context.topic(), context.partition(), context.offset(), exception);
        deadLetters.metrics().poison(PoisonKind.PROCESSING);
        return Response.resume(List.of(deadLetters.letter(RejectReason.PROCESSING_FAILED, context.topic(), context.partition(),
                context.offset(), context.sourceRawKey(), context.sourceRawValue(), context.timestamp(), exception)));
    }
}
