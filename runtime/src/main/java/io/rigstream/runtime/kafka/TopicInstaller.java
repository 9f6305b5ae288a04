package io.rigstream.runtime.kafka;

import io.rigstream.schemas.topics.TopicDescriptor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
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
        }
        return created;
    }
}
