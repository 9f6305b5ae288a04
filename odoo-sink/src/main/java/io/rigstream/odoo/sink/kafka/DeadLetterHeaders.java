package io.rigstream.odoo.sink.kafka;

/**
 * Headers of a dead letter, after Kafka Connect's {@code DeadLetterQueueReporter}: where the record came from and
 * what went wrong, readable without decoding the value.
 */
public final class DeadLetterHeaders {

    public static final String PREFIX = "rigstream.errors.";
    public static final String TOPIC = PREFIX + "topic";
    public static final String PARTITION = PREFIX + "partition";
    public static final String OFFSET = PREFIX + "offset";
    public static final String REASON = PREFIX + "reason";
    public static final String ERROR_CLASS = PREFIX + "exception.class.name";
    public static final String MESSAGE = PREFIX + "exception.message";
    public static final String STAGE = PREFIX + "stage";
    /** Set on records the replayer wrote back to their source topic: which dead letter they came from. */
    public static final String REPLAYED_FROM = "rigstream.replayed-from";

    private DeadLetterHeaders() {
    }
}
