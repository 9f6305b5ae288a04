package io.rigstream.odoo.sink.delivery;

import org.apache.kafka.common.TopicPartition;

/** A consumed record on its way to Odoo: where it came from (for offsets and dead-letter headers) and its bytes. */
public record PendingRecord(String topic, int partition, long offset, byte[] key, byte[] value) {

    public TopicPartition topicPartition() {
        return new TopicPartition(topic, partition);
    }
}
