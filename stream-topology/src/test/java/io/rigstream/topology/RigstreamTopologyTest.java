package io.rigstream.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.rigstream.schemas.registry.InMemorySchemaRegistry;
import io.rigstream.schemas.topics.Topics;
import org.apache.kafka.streams.TopologyDescription;
import org.junit.jupiter.api.Test;

class RigstreamTopologyTest {

    private final TopologyDescription description = RigstreamTopology.build(
            TopologyConfig.builder(InMemorySchemaRegistry.scope("naming-test")).build()).describe();

    @Test
    void everyProcessorStoreAndInternalTopicIsNamedNotGenerated() {
        String text = description.toString();
        assertThat(text).doesNotContain("KSTREAM-").doesNotContain("KTABLE-");
        assertThat(text).contains(TopologyNames.EQUIPMENT_PROCESSOR, TopologyNames.READINGS_STORE,
                TopologyNames.EQUIPMENT_STATUS_STORE, TopologyNames.ASSIGNMENT_HISTORY_STORE,
                TopologyNames.ASSIGNMENTS_BY_EQUIPMENT + "-repartition", TopologyNames.PROFILES_BY_EQUIPMENT + "-repartition");
    }

    @Test
    void everythingAboutAnEquipmentIsInOneSubtopology() {
        TopologyDescription.Subtopology withProcessor = description.subtopologies().stream()
                .filter(s -> s.nodes().stream().anyMatch(n -> n.name().equals(TopologyNames.EQUIPMENT_PROCESSOR)))
                .findFirst().orElseThrow();
        String sources = withProcessor.nodes().toString();
        assertThat(sources).contains(Topics.READINGS.name(), TopologyNames.ASSIGNMENTS_BY_EQUIPMENT,
                TopologyNames.PROFILES_BY_EQUIPMENT);
    }

    @Test
    void theTopologyWritesEveryOutputTopic() {
        String text = description.toString();
        RigstreamTopology.OUTPUT_TOPICS.forEach(topic -> assertThat(text).contains("topic: " + topic.name()));
    }
}
