package io.rigstream.topology.testing;

import io.rigstream.schemas.ContractBasis;
import io.rigstream.schemas.ContractTerms;
import io.rigstream.schemas.DowntimeEvent;
import io.rigstream.schemas.EquipmentAssignment;
import io.rigstream.schemas.EquipmentProfile;
import io.rigstream.schemas.EquipmentState;
import io.rigstream.schemas.EquipmentUsage;
import io.rigstream.schemas.JobUsageDaily;
import io.rigstream.schemas.JobUsagePeriod;
import io.rigstream.schemas.MaintenanceTrigger;
import io.rigstream.schemas.RejectedReading;
import io.rigstream.schemas.ShiftCalendar;
import io.rigstream.schemas.TelemetryReading;
import io.rigstream.schemas.registry.InMemorySchemaRegistry;
import io.rigstream.schemas.registry.SchemaRegistryClient;
import io.rigstream.schemas.topics.TopicDescriptor;
import io.rigstream.schemas.topics.Topics;
import io.rigstream.topology.RigstreamTopology;
import io.rigstream.topology.TopologyConfig;
import io.rigstream.topology.service.TopologyService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;

/**
 * The real topology on a {@link TopologyTestDriver}, with the wall clock under the test's control. Outputs are read
 * incrementally; {@link #latest} keeps, per key, the last record seen (the highest revision).
 */
public final class TopologyHarness implements AutoCloseable {

    public static final String TENANT = "acme";

    private final TopologyTestDriver driver;
    private final SchemaRegistryClient registry;
    private final TestInputTopic<String, TelemetryReading> readings;
    private final TestInputTopic<String, EquipmentAssignment> assignments;
    private final TestInputTopic<String, EquipmentProfile> profiles;
    private final Map<TopicDescriptor<?>, TestOutputTopic<String, ?>> outputs = new LinkedHashMap<>();
    private final Map<TopicDescriptor<?>, List<TestRecord<String, ?>>> seen = new LinkedHashMap<>();
    private final Path stateDir;
    private Instant wallClock;

    public TopologyHarness(String startWallClock) {
        this(startWallClock, b -> b);
    }

    public TopologyHarness(String startWallClock, UnaryOperator<TopologyConfig.Builder> customize) {
        this(startWallClock, customize, new Properties());
    }

    public TopologyHarness(String startWallClock, UnaryOperator<TopologyConfig.Builder> customize,
            Properties streamsOverrides) {
        this.registry = InMemorySchemaRegistry.scope("topology-test-" + UUID.randomUUID());
        TopologyConfig config = customize.apply(TopologyConfig.builder(registry)
                .fleetTimeZone(java.time.ZoneId.of("Europe/Berlin"))).build();
        try {
            stateDir = Files.createTempDirectory("rigstream-ttd");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        Properties given = new Properties();
        given.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "ttd:9092");
        given.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        given.putAll(streamsOverrides);
        // the service's own settings: exactly-once, the dead-lettering handlers
        Properties props = TopologyService.effectiveProperties(config, given);
        wallClock = Instant.parse(startWallClock);
        driver = new TopologyTestDriver(RigstreamTopology.build(config), props, wallClock);
        readings = input(Topics.READINGS);
        assignments = input(Topics.ASSIGNMENTS);
        profiles = input(Topics.PROFILES);
        for (TopicDescriptor<?> topic : RigstreamTopology.OUTPUT_TOPICS) {
            outputs.put(topic, driver.createOutputTopic(topic.name(), topic.keySerde().deserializer(),
                    topic.valueSerde(registry).deserializer()));
            seen.put(topic, new ArrayList<>());
        }
    }

    private <V extends SpecificRecord> TestInputTopic<String, V> input(TopicDescriptor<V> topic) {
        return driver.createInputTopic(topic.name(), topic.keySerde().serializer(), topic.valueSerde(registry).serializer());
    }

    public TopologyHarness send(Telemetry... telemetry) {
        for (Telemetry t : telemetry) {
            TelemetryReading reading = t.build();
            readings.pipeInput(t.key(), reading, reading.getReceivedTs());
        }
        return this;
    }

    /** Raw bytes on an input topic, as a misbehaving producer would write them. */
    public TopologyHarness sendRaw(String topic, String key, byte[] value) {
        driver.createInputTopic(topic, new org.apache.kafka.common.serialization.StringSerializer(),
                new org.apache.kafka.common.serialization.ByteArraySerializer()).pipeInput(key, value);
        return this;
    }

    public TopologyHarness sendWithKey(String key, Telemetry telemetry) {
        TelemetryReading reading = telemetry.build();
        readings.pipeInput(key, reading, reading.getReceivedTs());
        return this;
    }

    public TopologyHarness assign(EquipmentAssignment assignment) {
        assignments.pipeInput(assignment.getAssignmentId(), assignment, assignment.getValidFrom());
        return this;
    }

    public TopologyHarness unassign(String assignmentId) {
        assignments.pipeInput(assignmentId, null);
        return this;
    }

    public TopologyHarness profile(EquipmentProfile profile) {
        profiles.pipeInput(profile.getTenant() + "/" + profile.getEquipmentId(), profile);
        return this;
    }

    /** Moves the wall clock, running the punctuators that fall due. */
    public TopologyHarness advance(Duration duration) {
        driver.advanceWallClockTime(duration);
        wallClock = wallClock.plus(duration);
        return this;
    }

    /** Moves the wall clock to {@code instant}, if it is not there yet. */
    public TopologyHarness advanceTo(Instant instant) {
        return instant.isAfter(wallClock) ? advance(Duration.between(wallClock, instant)) : this;
    }

    public Instant wallClock() {
        return wallClock;
    }

    public <V extends SpecificRecord> List<V> records(TopicDescriptor<V> topic) {
        drain();
        return seen.get(topic).stream().map(r -> topic.valueType().cast(r.value())).toList();
    }

    public <V extends SpecificRecord> List<TestRecord<String, ?>> keyed(TopicDescriptor<V> topic) {
        drain();
        return List.copyOf(seen.get(topic));
    }

    /** The last record per key. */
    public <V extends SpecificRecord> Map<String, V> latest(TopicDescriptor<V> topic) {
        drain();
        Map<String, V> latest = new LinkedHashMap<>();
        seen.get(topic).forEach(r -> latest.put(r.key(), topic.valueType().cast(r.value())));
        return latest;
    }

    public JobUsageDaily jobDay(String jobId, String equipmentId, String day) {
        JobUsageDaily record = latest(Topics.JOB_USAGE_DAILY).get(TENANT + "/" + jobId + "/" + equipmentId + "/" + day);
        if (record == null) {
            throw new AssertionError("no job usage for " + jobId + "/" + equipmentId + "/" + day + " in "
                    + latest(Topics.JOB_USAGE_DAILY).keySet());
        }
        return record;
    }

    /** The latest record of a basis period, keyed as its days join it: basis and first day. */
    public JobUsagePeriod jobPeriod(String jobId, String equipmentId, ContractBasis basis, String periodStart) {
        String key = TENANT + "/" + jobId + "/" + equipmentId + "/" + basis + "/" + periodStart;
        JobUsagePeriod record = latest(Topics.JOB_USAGE_PERIOD).get(key);
        if (record == null) {
            throw new AssertionError("no job period " + key + " in " + latest(Topics.JOB_USAGE_PERIOD).keySet());
        }
        return record;
    }

    public EquipmentUsage equipmentDay(String equipmentId, String day) {
        EquipmentUsage record = latest(Topics.USAGE_DAILY).get(TENANT + "/" + equipmentId + "/" + day);
        if (record == null) {
            throw new AssertionError("no daily usage for " + equipmentId + "/" + day + " in "
                    + latest(Topics.USAGE_DAILY).keySet());
        }
        return record;
    }

    public List<MaintenanceTrigger> triggers() {
        return records(Topics.MAINTENANCE);
    }

    public List<DowntimeEvent> downtimeEvents() {
        return records(Topics.DOWNTIME);
    }

    public List<RejectedReading> rejected() {
        return records(Topics.REJECTED);
    }

    public Map<String, EquipmentState> states() {
        return latest(Topics.EQUIPMENT_STATE);
    }

    public TopologyTestDriver driver() {
        return driver;
    }

    private void drain() {
        outputs.forEach((topic, output) -> seen.get(topic).addAll(output.readRecordsToList()));
    }

    /** An assignment on a Monday-to-Friday 07:00-17:00 site in Berlin. */
    public static EquipmentAssignment assignment(String id, String equipmentId, String jobId, String from, String to,
            ContractBasis basis, double allowance, double minimum) {
        return EquipmentAssignment.newBuilder()
                .setAssignmentId(id)
                .setTenant(TENANT)
                .setEquipmentId(equipmentId)
                .setJobId(jobId)
                .setValidFrom(Instant.parse(from))
                .setValidTo(to == null ? null : Instant.parse(to))
                .setSiteTimeZone("Europe/Berlin")
                .setShift(ShiftCalendar.newBuilder()
                        .setWorkingDays(List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY"))
                        .setStartLocal("07:00").setEndLocal("17:00").build())
                .setContract(ContractTerms.newBuilder().setBasis(basis).setAllowanceHours(allowance)
                        .setMinimumDailyHours(minimum).setDowntimeCredit(true)
                        .setContractStart(LocalDate.parse(from.substring(0, 10))).build())
                .build();
    }

    @Override
    public void close() {
        driver.close();
        try (var files = Files.walk(stateDir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
