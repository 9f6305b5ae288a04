package io.rigstream.odoo.sink.kafka;

import io.rigstream.odoo.sink.delivery.PendingRecord;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Which offsets may be committed: per partition, up to (not including) the first record not yet done. A record is
 * done once Odoo confirmed it, its dead letter was acknowledged, or it had nothing to write; so a commit never
 * covers a record that could still be lost.
 */
final class OffsetTracker {

    private static final class Partition {
        final TreeSet<Long> pending = new TreeSet<>();
        long next = -1;
        long committed = -1;

        long commitPosition() {
            return pending.isEmpty() ? next : pending.first();
        }
    }

    private final Map<TopicPartition, Partition> partitions = new HashMap<>();

    /** The first record seen of a partition is where consumption started, so nothing before it needs committing. */
    void track(PendingRecord record) {
        Partition partition = partitions.computeIfAbsent(record.topicPartition(), tp -> {
            Partition fresh = new Partition();
            fresh.committed = record.offset();
            return fresh;
        });
        partition.pending.add(record.offset());
        partition.next = Math.max(partition.next, record.offset() + 1);
    }

    /** Records of partitions no longer tracked (revoked meanwhile) are ignored. */
    void done(Collection<PendingRecord> records) {
        records.forEach(record -> {
            Partition partition = partitions.get(record.topicPartition());
            if (partition != null) {
                partition.pending.remove(record.offset());
            }
        });
    }

    boolean isTracked(TopicPartition partition) {
        return partitions.containsKey(partition);
    }

    /** Offsets that moved since the last commit. */
    Map<TopicPartition, OffsetAndMetadata> toCommit(Collection<TopicPartition> only) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        partitions.forEach((tp, partition) -> {
            long position = partition.commitPosition();
            if (only.contains(tp) && position > partition.committed) {
                offsets.put(tp, new OffsetAndMetadata(position));
            }
        });
        return offsets;
    }

    Map<TopicPartition, OffsetAndMetadata> toCommit() {
        return toCommit(partitions.keySet());
    }

    void committed(Map<TopicPartition, OffsetAndMetadata> offsets) {
        offsets.forEach((tp, offset) -> {
            Partition partition = partitions.get(tp);
            if (partition != null) {
                partition.committed = Math.max(partition.committed, offset.offset());
            }
        });
    }

    void forget(Collection<TopicPartition> revoked) {
        revoked.forEach(partitions::remove);
    }
}
