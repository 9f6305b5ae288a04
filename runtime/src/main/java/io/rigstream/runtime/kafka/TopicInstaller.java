package io.rigstream.runtime.kafka;

import io.rigstream.schemas.topics.TopicDescriptor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.LogDirDescription;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Creates rigstream's topics with their declared settings; topics that already exist are left as they are. */
public final class TopicInstaller {

    private static final Logger LOG = LoggerFactory.getLogger(TopicInstaller.class);

    private TopicInstaller() {
    }

    /** @return the names of the topics this call created */
    public static List<String> createMissing(Admin admin, Collection<TopicDescriptor<?>> topics, int partitions,
            short replicationFactor) throws InterruptedException, ExecutionException, TimeoutException {
        Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
        List<NewTopic> toCreate = new ArrayList<>();
        for (TopicDescriptor<?> topic : topics) {
            if (!existing.contains(topic.name())) {
                toCreate.add(new NewTopic(topic.name(), partitions, replicationFactor).configs(topic.topicConfig()));
            }
        }
        List<String> created = new ArrayList<>();
        for (var entry : admin.createTopics(toCreate).values().entrySet()) {
            try {
                entry.getValue().get(30, TimeUnit.SECONDS);
                created.add(entry.getKey());
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
            }
        }
        if (!created.isEmpty()) {
            LOG.info("Created topics {} ({} partitions, replication factor {})", created, partitions, replicationFactor);
            awaitLeaders(admin, created);
        }
        return created;
    }

    /**
     * A new topic's partitions take a moment to get leaders, and a moment more until the leader's replica manager has
     * the partition: the metadata can name a leader that still answers NOT_LEADER_OR_FOLLOWER. An idempotent producer
     * retrying into that window was seen stuck on OUT_OF_ORDER_SEQUENCE_NUMBER, so wait for both: a leader for every
     * partition, and that leader's log directory holding it.
     */
    private static void awaitLeaders(Admin admin, List<String> topics)
            throws InterruptedException, ExecutionException, TimeoutException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            Map<TopicPartition, Integer> leaders = new HashMap<>();
            admin.describeTopics(topics).allTopicNames().get(30, TimeUnit.SECONDS).forEach((topic, description) ->
                    description.partitions().forEach(partition -> leaders.put(new TopicPartition(topic, partition.partition()),
                            partition.leader() == null || partition.leader().isEmpty() ? -1 : partition.leader().id())));
            if (!leaders.containsValue(-1) && hostedByLeaders(admin, leaders)) {
                return;
            }
            Thread.sleep(100);
        }
        throw new TimeoutException("Partitions of " + topics + " have no serving leader after 30 s");
    }

    private static boolean hostedByLeaders(Admin admin, Map<TopicPartition, Integer> leaders)
            throws InterruptedException, ExecutionException, TimeoutException {
        Map<Integer, Map<String, LogDirDescription>> logDirs = admin.describeLogDirs(Set.copyOf(leaders.values()))
                .allDescriptions().get(30, TimeUnit.SECONDS);
        return leaders.entrySet().stream().allMatch(leader -> logDirs.getOrDefault(leader.getValue(), Map.of()).values()
                .stream().anyMatch(dir -> dir.replicaInfos().containsKey(leader.getKey())));
    }
}
