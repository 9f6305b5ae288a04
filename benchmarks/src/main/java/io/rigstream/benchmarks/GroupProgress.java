package io.rigstream.benchmarks;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * How far a consumer group has come through a topic, by its committed offsets: for a Kafka Streams application
 * under exactly-once, an input record is done once its offset is committed with the transaction of its outputs.
 */
public final class GroupProgress {

    private final Admin admin;
    private final String topic;
    private final List<TopicPartition> partitions;

    public GroupProgress(Admin admin, String topic) throws Exception {
        this.admin = admin;
        this.topic = topic;
        this.partitions = admin.describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS).get(topic)
                .partitions().stream().map(p -> new TopicPartition(topic, p.partition())).toList();
    }

    /** The topic's end offsets now. */
    public Map<TopicPartition, Long> endOffsets() throws Exception {
        Map<TopicPartition, Long> ends = new HashMap<>();
        admin.listOffsets(partitions.stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest())))
                .all().get(30, TimeUnit.SECONDS).forEach((p, info) -> ends.put(p, info.offset()));
        return ends;
    }

    /** Records of the topic the group has committed past. */
    public long committed(String groupId) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(groupId)
                .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
        return partitions.stream().mapToLong(p -> committed.get(p) == null ? 0 : committed.get(p).offset()).sum();
    }

    /**
     * Waits until {@code groupId} has committed anything: the end of its start-up (joining the group, creating its
     * tasks and stores).
     *
     * @return the records committed by then
     */
    public long awaitFirstCommit(String groupId, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long committed = committed(groupId);
            if (committed > 0) {
                return committed;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(groupId + " committed nothing of " + topic + " within " + timeout);
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
    }

    /** Waits until {@code groupId} has committed up to {@code ends} on every partition of the topic. */
    public void awaitCommitted(String groupId, Map<TopicPartition, Long> ends, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(groupId)
                    .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
            if (partitions.stream().allMatch(p -> committed.get(p) != null && committed.get(p).offset() >= ends.get(p))) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(groupId + " did not commit all of " + topic + " within " + timeout
                        + ": committed " + committed + ", end " + ends);
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
        }
    }
}
