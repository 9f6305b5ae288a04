package io.rigstream.topology.errors;

import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProductionExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every output is a billing figure or an event someone acts on, so one that cannot be written is never skipped:
 * the client stops (and, under exactly-once, its transaction is aborted) with the cause logged. Retriable broker
 * errors never reach this handler; the producer retries them itself.
 */
public final class FailingProductionHandler implements ProductionExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(FailingProductionHandler.class);

    @Override
    public void configure(Map<String, ?> configs) {
    }

    @Override
    public Response handleError(ErrorHandlerContext context, ProducerRecord<byte[], byte[]> record, Exception exception) {
        LOG.error("Cannot write to {}; stopping", record.topic(), exception);
        return Response.fail();
    }

    @Override
    public Response handleSerializationError(ErrorHandlerContext context, ProducerRecord record, Exception exception,
            SerializationExceptionOrigin origin) {
        LOG.error("Cannot serialize the {} of a record for {}; stopping", origin, record.topic(), exception);
        return Response.fail();
    }
}
