package io.rigstream.topology.processing;

import static io.rigstream.topology.TopologyNames.ASSIGNMENT_HISTORY_STORE;
import static io.rigstream.topology.TopologyNames.EQUIPMENT_STATUS_STORE;
import static io.rigstream.topology.TopologyNames.PROFILE_STORE;
import static org.assertj.core.api.Assertions.assertThat;

import io.rigstream.schemas.registry.InMemorySchemaRegistry;
import io.rigstream.schemas.topics.Topics;
import io.rigstream.topology.TopologyConfig;
import io.rigstream.topology.model.AssignmentHistory;
import io.rigstream.topology.model.EquipmentProfileSettings;
import io.rigstream.topology.state.EquipmentStatus;
import io.rigstream.topology.state.StateSerdes;
import io.rigstream.topology.testing.Telemetry;
import java.io.File;
import java.time.Instant;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.processor.TaskId;
import org.junit.jupiter.api.io.TempDir;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.Test;

/** The processor on its own: what a task that has just been taken over does before it knows the time. */
class EquipmentProcessorTest {

    private static final long NOW = Instant.parse("2024-03-10T12:00:00Z").toEpochMilli();
    private final TopologyConfig config = TopologyConfig.builder(InMemorySchemaRegistry.scope("processor-test")).build();
    @Test
    void aTaskTakenOverKeepsTheRecomputationItOwesUntilItKnowsTheTime(@TempDir File stateDir) {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, config.applicationId());
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        MockProcessorContext<String, Output> context = new MockProcessorContext<>(props, new TaskId(0, 0), stateDir);
        for (StoreBuilder<?> builder : stores()) {
            StateStore store = builder.withLoggingDisabled().withCachingDisabled().build();
            store.init(context.getStateStoreContext(), store);
            context.addStateStore(store);
        }
        context.setCurrentSystemTimeMs(NOW);
        Processor<String, Input, String, Output> before = EquipmentProcessor.supplier(config).get();
        before.init(context);
        before.process(new Record<>("acme/ex-1", new Input.ReadingInput(Telemetry.reading("acme", "ex-1",
                "2024-03-04T08:00:00Z").meter(10).build(), AssignmentHistory.EMPTY, EquipmentProfileSettings.DEFAULT), NOW));
        before.process(new Record<>("acme/ex-1", new Input.ReadingInput(Telemetry.reading("acme", "ex-1",
                "2024-03-04T09:00:00Z").meter(11).build(), AssignmentHistory.EMPTY, EquipmentProfileSettings.DEFAULT), NOW));

        // the instance dies before it publishes; another takes the task over with its stores
        context.resetForwards();
        MockProcessorContext<String, Output> takeover = context;
        int punctuatorsBefore = takeover.scheduledPunctuators().size();
        Processor<String, Input, String, Output> after = EquipmentProcessor.supplier(config).get();
        after.init(takeover);
        var publish = takeover.scheduledPunctuators().get(punctuatorsBefore).getPunctuator();

        // not idle yet and no record seen: no time to close days by, so no figures yet (the state is published)
        publish.punctuate(NOW + 1);
        assertThat(takeover.forwarded()).extracting(f -> f.record().value().topic().name())
                .containsOnly(Topics.EQUIPMENT_STATE.name());
        KeyValueStore<String, EquipmentStatus> status = takeover.getStateStore(EQUIPMENT_STATUS_STORE);
        assertThat(status.get("acme/ex-1").takeDirty()).isPresent();

        // a punctuation interval later the task is idle: the wall clock closes Monday, with both readings in it
        publish.punctuate(NOW + config.punctuationInterval().toMillis());
        List<Object> daily = new ArrayList<>();
        takeover.forwarded().stream().map(f -> f.record().value())
                .filter(o -> o.topic() == Topics.USAGE_DAILY).forEach(o -> daily.add(o.value()));
        assertThat(daily).extracting(u -> ((io.rigstream.schemas.EquipmentUsage) u).getEngineHours()).contains(1.0);
    }

    private static List<StoreBuilder<?>> stores() {
        List<StoreBuilder<?>> builders = new ArrayList<>(EquipmentStores.builders());
        builders.add(Stores.timestampedKeyValueStoreBuilder(Stores.inMemoryKeyValueStore(ASSIGNMENT_HISTORY_STORE),
                Serdes.String(), StateSerdes.assignmentHistory()));
        builders.add(Stores.timestampedKeyValueStoreBuilder(Stores.inMemoryKeyValueStore(PROFILE_STORE),
                Serdes.String(), StateSerdes.profile()));
        return builders;
    }
}
