package io.rigstream.topology;

import static io.rigstream.topology.TopologyNames.ASSIGNMENTS_AS_INTERVALS;
import static io.rigstream.topology.TopologyNames.ASSIGNMENTS_BY_EQUIPMENT;
import static io.rigstream.topology.TopologyNames.ASSIGNMENTS_SOURCE;
import static io.rigstream.topology.TopologyNames.ASSIGNMENTS_STORE;
import static io.rigstream.topology.TopologyNames.ASSIGNMENT_CHANGE_INPUTS;
import static io.rigstream.topology.TopologyNames.ASSIGNMENT_HISTORY_AGGREGATE;
import static io.rigstream.topology.TopologyNames.ASSIGNMENT_HISTORY_CHANGES;
import static io.rigstream.topology.TopologyNames.ASSIGNMENT_HISTORY_STORE;
import static io.rigstream.topology.TopologyNames.CAST_SUFFIX;
import static io.rigstream.topology.TopologyNames.EQUIPMENT_PROCESSOR;
import static io.rigstream.topology.TopologyNames.MERGE_ASSIGNMENT_CHANGES;
import static io.rigstream.topology.TopologyNames.MERGE_PROFILE_CHANGES;
import static io.rigstream.topology.TopologyNames.OUTPUTS_SPLIT;
import static io.rigstream.topology.TopologyNames.PROFILES_AS_SETTINGS;
import static io.rigstream.topology.TopologyNames.PROFILES_BY_EQUIPMENT;
import static io.rigstream.topology.TopologyNames.PROFILES_SOURCE;
import static io.rigstream.topology.TopologyNames.PROFILES_TABLE;
import static io.rigstream.topology.TopologyNames.PROFILE_CHANGES;
import static io.rigstream.topology.TopologyNames.PROFILE_CHANGE_INPUTS;
import static io.rigstream.topology.TopologyNames.PROFILE_STORE;
import static io.rigstream.topology.TopologyNames.READINGS_SOURCE;
import static io.rigstream.topology.TopologyNames.READINGS_WITH_ASSIGNMENTS;
import static io.rigstream.topology.TopologyNames.READINGS_WITH_PROFILES;
import static io.rigstream.topology.TopologyNames.SINK_SUFFIX;
import static io.rigstream.topology.TopologyNames.VALID_ASSIGNMENTS;

import io.rigstream.schemas.EquipmentAssignment;
import io.rigstream.schemas.EquipmentProfile;
import io.rigstream.schemas.TelemetryReading;
import io.rigstream.schemas.registry.SchemaRegistryClient;
import io.rigstream.schemas.topics.TopicDescriptor;
import io.rigstream.schemas.topics.Topics;
import io.rigstream.topology.model.AssignmentHistory;
import io.rigstream.topology.model.AssignmentInterval;
import io.rigstream.topology.model.EquipmentProfileSettings;
import io.rigstream.topology.processing.AvroMapping;
import io.rigstream.topology.processing.EquipmentProcessor;
import io.rigstream.topology.processing.Input;
import io.rigstream.topology.processing.Output;
import io.rigstream.topology.state.StateSerdes;
import java.util.List;
import java.util.Properties;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.BranchedKStream;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.Joined;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.KeyValueBytesStoreSupplier;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rigstream topology, as a pure function of its configuration: no I/O, no {@code KafkaStreams}. Readings stay in
 * the partition of their equipment; assignments (keyed by assignment id) and profiles are brought to the same
 * partitions, and the stream-table joins make Kafka Streams give those internal topics the readings topic's
 * partition count, so that one task holds everything about an equipment.
 */
public final class RigstreamTopology {

    private static final Logger LOG = LoggerFactory.getLogger(RigstreamTopology.class);

    /** The topics the topology writes, in the order the outputs are routed. */
    public static final List<TopicDescriptor<?>> OUTPUT_TOPICS = List.of(Topics.USAGE_HOURLY, Topics.USAGE_DAILY,
            Topics.JOB_USAGE_DAILY, Topics.JOB_USAGE_PERIOD, Topics.DOWNTIME, Topics.MAINTENANCE, Topics.EQUIPMENT_STATE,
            Topics.REJECTED);

    private RigstreamTopology() {
    }

    public static Topology build(TopologyConfig config) {
        StreamsBuilder builder = new StreamsBuilder(kafkaTopologyConfig(config));
        SchemaRegistryClient registry = config.registry();

        KTable<String, AssignmentHistory> histories = assignmentHistories(builder, config);
        KTable<String, EquipmentProfileSettings> profiles = profiles(builder, registry);

        KStream<String, Input> readings = builder
                .stream(Topics.READINGS.name(), Consumed.with(Topics.READINGS.keySerde(), Topics.READINGS.valueSerde(registry))
                        .withName(READINGS_SOURCE))
                .leftJoin(histories, (TelemetryReading reading, AssignmentHistory history) -> new Input.ReadingInput(
                                reading, history == null ? AssignmentHistory.EMPTY : history, EquipmentProfileSettings.DEFAULT),
                        Joined.as(READINGS_WITH_ASSIGNMENTS))
                .leftJoin(profiles, (Input.ReadingInput input, EquipmentProfileSettings profile) -> (Input) new Input.ReadingInput(
                                input.reading(), input.history(), profile == null ? EquipmentProfileSettings.DEFAULT : profile),
                        Joined.as(READINGS_WITH_PROFILES));

        KStream<String, Input> inputs = readings
                .merge(histories.toStream(Named.as(ASSIGNMENT_HISTORY_CHANGES))
                        .mapValues(history -> (Input) new Input.AssignmentsChanged(), Named.as(ASSIGNMENT_CHANGE_INPUTS)),
                        Named.as(MERGE_ASSIGNMENT_CHANGES))
                .merge(profiles.toStream(Named.as(PROFILE_CHANGES))
                        .mapValues(profile -> (Input) new Input.ProfileChanged(), Named.as(PROFILE_CHANGE_INPUTS)),
                        Named.as(MERGE_PROFILE_CHANGES));

        KStream<String, Output> outputs = inputs.process(EquipmentProcessor.supplier(config),
                Named.as(EQUIPMENT_PROCESSOR), ASSIGNMENT_HISTORY_STORE, PROFILE_STORE);

        BranchedKStream<String, Output> split = outputs.split(Named.as(OUTPUTS_SPLIT));
        for (TopicDescriptor<?> topic : OUTPUT_TOPICS) {
            route(split, topic, registry);
        }
        split.noDefaultBranch();
        return builder.build();
    }

    /** Every assignment of each equipment, re-keyed from assignment id to equipment; an unusable one counts as absent. */
    private static KTable<String, AssignmentHistory> assignmentHistories(StreamsBuilder builder, TopologyConfig config) {
        TopicDescriptor<EquipmentAssignment> topic = Topics.ASSIGNMENTS;
        return builder
                .stream(topic.name(), Consumed.with(topic.keySerde(), topic.valueSerde(config.registry()))
                        .withName(ASSIGNMENTS_SOURCE))
                .mapValues(assignment -> usable(assignment, config), Named.as(ASSIGNMENTS_AS_INTERVALS))
                .toTable(Named.as(VALID_ASSIGNMENTS), Materialized.<String, AssignmentInterval, KeyValueStore<Bytes, byte[]>>as(
                        ASSIGNMENTS_STORE).withKeySerde(Serdes.String()).withValueSerde(StateSerdes.assignmentInterval()))
                .groupBy((id, assignment) -> KeyValue.pair(assignment.equipment(), assignment),
                        Grouped.with(ASSIGNMENTS_BY_EQUIPMENT, Serdes.String(), StateSerdes.assignmentInterval()))
                .aggregate(() -> AssignmentHistory.EMPTY,
                        (equipment, assignment, history) -> history.with(assignment),
                        (equipment, assignment, history) -> history.without(assignment.assignmentId()),
                        Named.as(ASSIGNMENT_HISTORY_AGGREGATE),
                        Materialized.<String, AssignmentHistory>as(referenceTable(ASSIGNMENT_HISTORY_STORE))
                                .withKeySerde(Serdes.String()).withValueSerde(StateSerdes.assignmentHistory()));
    }

    private static AssignmentInterval usable(EquipmentAssignment assignment, TopologyConfig config) {
        if (assignment == null) {
            return null;
        }
        try {
            return AvroMapping.assignment(assignment);
        } catch (RuntimeException e) {
            LOG.warn("Ignoring assignment {} of {}/{}: {}", assignment.getAssignmentId(), assignment.getTenant(),
                    assignment.getEquipmentId(), e.getMessage());
            config.metrics().invalidReferenceData("assignment");
            return null;
        }
    }

    /** Profiles are keyed by equipment already; the repartition only gives them the readings' partition count. */
    private static KTable<String, EquipmentProfileSettings> profiles(StreamsBuilder builder, SchemaRegistryClient registry) {
        TopicDescriptor<EquipmentProfile> topic = Topics.PROFILES;
        return builder
                .stream(topic.name(), Consumed.with(topic.keySerde(), topic.valueSerde(registry)).withName(PROFILES_SOURCE))
                .mapValues(profile -> profile == null ? null : AvroMapping.profile(profile), Named.as(PROFILES_AS_SETTINGS))
                .repartition(Repartitioned.with(Serdes.String(), StateSerdes.profile()).withName(PROFILES_BY_EQUIPMENT))
                .toTable(Named.as(PROFILES_TABLE), Materialized.<String, EquipmentProfileSettings>as(
                        referenceTable(PROFILE_STORE)).withKeySerde(Serdes.String()).withValueSerde(StateSerdes.profile()));
    }

    /**
     * The per-equipment tables every reading is joined with are kept in memory: they hold one small entry per
     * equipment, and in RocksDB (rocksdbjni 10.1) a lookup of an absent key, such as the profile of most equipment,
     * costs a C++ exception inside the JNI call, which was 14 % of the stream thread (async-profiler, topology
     * benchmark). Their changelogs restore them on start-up.
     */
    private static KeyValueBytesStoreSupplier referenceTable(String name) {
        return Stores.inMemoryKeyValueStore(name);
    }

    private static <V extends SpecificRecord> void route(BranchedKStream<String, Output> split, TopicDescriptor<V> topic,
            SchemaRegistryClient registry) {
        split.branch((key, output) -> output.topic() == topic, Branched.withConsumer(stream -> stream
                .mapValues(output -> topic.valueType().cast(output.value()), Named.as(topic.name() + CAST_SUFFIX))
                .to(topic.name(), Produced.with(topic.keySerde(), topic.valueSerde(registry))
                        .withName(topic.name() + SINK_SUFFIX)), topic.name()));
    }

    /**
     * Only the topology-level settings of this config are read while building (the application id names internal
     * topics, and unnamed internal resources are refused); StreamsConfig insists on a bootstrap address it never uses here.
     */
    private static org.apache.kafka.streams.TopologyConfig kafkaTopologyConfig(TopologyConfig config) {
        Properties properties = new Properties();
        properties.put(StreamsConfig.APPLICATION_ID_CONFIG, config.applicationId());
        properties.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused-while-building:9092");
        properties.put(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, true);
        return new org.apache.kafka.streams.TopologyConfig(new StreamsConfig(properties));
    }
}
