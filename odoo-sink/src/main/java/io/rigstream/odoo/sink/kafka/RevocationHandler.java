package io.rigstream.odoo.sink.kafka;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Partitions leaving this consumer: what is done is committed, what is buffered or waiting for a retry is dropped
 * (the new owner reads it again from the commit). A batch in flight still completes; its outcome for partitions no
 * longer owned is ignored. Runs on the poll thread, inside {@code poll}.
 */
final class RevocationHandler implements ConsumerRebalanceListener {

    private static final Logger LOG = LoggerFactory.getLogger(RevocationHandler.class);

    private final Consumer<byte[], byte[]> consumer;
    private final OffsetTracker offsets;
    private final Collection<LaneState> lanes;

    RevocationHandler(Consumer<byte[], byte[]> consumer, OffsetTracker offsets, Collection<LaneState> lanes) {
        this.consumer = consumer;
        this.offsets = offsets;
        this.lanes = List.copyOf(lanes);
    }

    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
        Map<TopicPartition, OffsetAndMetadata> ready = offsets.toCommit(partitions);
        if (!ready.isEmpty()) {
            try {
                consumer.commitSync(ready);
            } catch (KafkaException e) {
                LOG.warn("Commit on revocation failed; the new owner delivers those records again (idempotently)", e);
            }
        }
        forget(partitions);
    }

    @Override
    public void onPartitionsLost(Collection<TopicPartition> partitions) {
        forget(partitions);
    }

    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
        LOG.info("Assigned {}", partitions);
    }

    private void forget(Collection<TopicPartition> partitions) {
        offsets.forget(partitions);
        lanes.forEach(lane -> lane.dropPartitions(partitions));
    }
}
