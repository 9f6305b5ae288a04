package io.rigstream.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.EnvVar;
import io.rigstream.k8s.support.Overlay;
import io.rigstream.k8s.support.RigService;
import io.rigstream.k8s.support.StrimziModel.Acl;
import io.rigstream.k8s.support.StrimziModel.KafkaTopic;
import io.rigstream.k8s.support.StrimziModel.KafkaUser;
import io.rigstream.schemas.topics.TopicDescriptor;
import io.rigstream.schemas.topics.Topics;
import java.lang.reflect.Field;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Strimzi overlay's topics are the code's topic catalogue, and each service's KafkaUser grants what that service
 * reads and writes and nothing more.
 */
class StrimziResourcesTest {

    private static Overlay strimzi;
    private static List<KafkaTopic> topics;
    private static Map<String, KafkaUser> users;

    @BeforeAll
    static void render() {
        strimzi = Overlay.render("strimzi");
        topics = strimzi.all(KafkaTopic.class);
        users = strimzi.all(KafkaUser.class).stream().collect(Collectors.toMap(u -> u.metadata().name(), Function.identity()));
    }

    @Test
    void theKafkaTopicsAreExactlyTheTopicCatalogue() {
        assertThat(topics).extracting(t -> t.spec().topicName())
                .containsExactlyInAnyOrderElementsOf(Topics.ALL.stream().map(TopicDescriptor::name).toList());
    }

    @Test
    void eachTopicIsKeptAsItsDescriptorSays() {
        for (TopicDescriptor<?> descriptor : Topics.ALL) {
            KafkaTopic topic = topics.stream().filter(t -> t.spec().topicName().equals(descriptor.name())).findFirst().orElseThrow();
            Map<String, String> config = topic.spec().config().entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, e -> String.valueOf(e.getValue())));
            for (Map.Entry<String, String> expected : descriptor.topicConfig().entrySet()) {
                assertThat(config).as(descriptor.name()).containsEntry(expected.getKey(), expected.getValue());
            }
            if (descriptor.retention().isEmpty()) {
                assertThat(config).as("%s keeps the broker's retention", descriptor.name()).doesNotContainKey(TopicConfig.RETENTION_MS_CONFIG);
            }
            assertThat(topic.metadata().name()).isEqualTo(descriptor.name().replace('.', '-'));
            int minIsr = Integer.parseInt(config.getOrDefault(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, "1"));
            assertThat(minIsr).as("%s survives one broker down", descriptor.name()).isLessThan(topic.spec().replicas());
            assertThat(topic.spec().partitions()).isPositive();
            assertThat(topic.metadata().labels()).containsKey("strimzi.io/cluster");
        }
    }

    @Test
    void everyStrimziResourceNamesTheSameKafkaCluster() {
        Set<String> clusters = new TreeSet<>();
        topics.forEach(t -> clusters.add(t.metadata().labels().get("strimzi.io/cluster")));
        users.values().forEach(u -> clusters.add(u.metadata().labels().get("strimzi.io/cluster")));
        assertThat(clusters).hasSize(1);
        String cluster = clusters.iterator().next();
        for (RigService service : RigService.values()) {
            assertThat(strimzi.settings(service).value("kafka.bootstrap.servers")).as(service.command())
                    .hasValueSatisfying(v -> assertThat(v).startsWith(cluster + "-kafka-bootstrap"));
            assertThat(strimzi.podTemplate(service).getSpec().getVolumes()).as(service.command())
                    .anySatisfy(v -> assertThat(v.getSecret() == null ? "" : v.getSecret().getSecretName())
                            .isEqualTo(cluster + "-cluster-ca-cert"));
        }
    }

    @Test
    void eachServiceAuthenticatesAsItsOwnKafkaUserWithTheMechanismItIsGiven() {
        assertThat(users).hasSize(RigService.values().length);
        for (RigService service : RigService.values()) {
            EnvVar jaas = strimzi.container(service).getEnv().stream()
                    .filter(e -> e.getName().equals("RIGSTREAM_KAFKA_COMMON_SASL_JAAS_CONFIG")).findFirst().orElseThrow();
            String user = jaas.getValueFrom().getSecretKeyRef().getName();
            assertThat(jaas.getValueFrom().getSecretKeyRef().getKey()).isEqualTo("sasl.jaas.config");
            assertThat(users).as("the User Operator writes Secret %s for KafkaUser %s", user, user).containsKey(user);
            String type = users.get(user).spec().authentication().type();
            String mechanism = strimzi.settings(service).value("kafka.common.sasl.mechanism").orElseThrow();
            assertThat(type.toUpperCase()).isEqualTo(mechanism);
            assertThat(strimzi.settings(service).value("kafka.common.security.protocol")).contains("SASL_SSL");
        }
    }

    @Test
    void theBridgeMayOnlyWriteReadingsAndRejections() {
        KafkaUser ingest = users.get("rigstream-ingest");
        assertThat(topicsWith(ingest, "Write")).containsExactlyInAnyOrder(Topics.READINGS.name(), Topics.REJECTED.name());
        assertThat(topicsWith(ingest, "Read")).isEmpty();
        assertThat(ingest.spec().authorization().acls()).allSatisfy(a -> assertThat(a.resource().type()).isEqualTo("topic"));
    }

    @Test
    void theTopologyReadsItsInputsWritesItsOutputsAndOwnsItsInternalTopicsGroupAndTransactions() {
        KafkaUser topology = users.get("rigstream-topology");
        assertThat(topicsWith(topology, "Read")).containsExactlyInAnyOrder(Topics.READINGS.name(), Topics.ASSIGNMENTS.name(),
                Topics.PROFILES.name());
        assertThat(topicsWith(topology, "Write")).containsExactlyInAnyOrderElementsOf(topologyOutputs());
        String applicationId = topologyApplicationId();
        assertThat(topology.spec().authorization().acls())
                .anySatisfy(a -> assertAcl(a, "group", applicationId, "literal", "Read"))
                .anySatisfy(a -> assertAcl(a, "topic", applicationId + "-", "prefix", "Create"))
                .anySatisfy(a -> assertAcl(a, "transactionalId", applicationId + "-", "prefix", "Write"));
    }

    @Test
    void theSinkReadsWhatGoesToOdooAndWritesAndReplaysOdoosRefusals() {
        KafkaUser sink = users.get("rigstream-sink");
        Map<String, String> defaults = sinkTopicDefaults();
        assertThat(topicsWith(sink, "Read")).containsExactlyInAnyOrder(defaults.get("usage"), defaults.get("maintenance"),
                defaults.get("downtime"), defaults.get("dead-letter"));
        assertThat(topicsWith(sink, "Write")).containsExactly(defaults.get("dead-letter"));
        assertThat(sink.spec().authorization().acls())
                .anySatisfy(a -> assertAcl(a, "group", defaults.get("group"), "prefix", "Read"));
    }

    @Test
    void noUserGetsMoreThanItsResources() {
        Set<String> operations = Set.of("Read", "Write", "Create", "Delete", "Describe", "DescribeConfigs");
        for (KafkaUser user : users.values()) {
            for (Acl acl : user.spec().authorization().acls()) {
                assertThat(acl.operations()).as(user.metadata().name()).isSubsetOf(operations);
                assertThat(acl.resource().type()).as(user.metadata().name()).isIn("topic", "group", "transactionalId");
                assertThat(acl.resource().name()).as(user.metadata().name()).doesNotContain("*").startsWith("rigstream");
                assertThat(acl.type()).as("allow rules only").isIn(null, "allow");
            }
            assertThat(user.spec().authorization().type()).isEqualTo("simple");
        }
    }

    @Test
    void everyTopicIsWrittenByAServiceOrIsReferenceDataFromOutside() {
        Set<String> written = new TreeSet<>();
        users.values().forEach(u -> written.addAll(topicsWith(u, "Write")));
        Set<String> all = Topics.ALL.stream().map(TopicDescriptor::name).collect(Collectors.toCollection(TreeSet::new));
        all.removeAll(written);
        // Assignments and equipment profiles come from the fleet's own systems (or Odoo), not from rigstream.
        assertThat(all).containsExactlyInAnyOrder(Topics.ASSIGNMENTS.name(), Topics.PROFILES.name());
    }

    private static void assertAcl(Acl acl, String type, String name, String pattern, String operation) {
        assertThat(acl.resource().type()).isEqualTo(type);
        assertThat(acl.resource().name()).isEqualTo(name);
        assertThat(acl.resource().patternType()).isEqualTo(pattern);
        assertThat(acl.operations()).contains(operation);
    }

    private static Set<String> topicsWith(KafkaUser user, String operation) {
        return user.spec().authorization().acls().stream()
                .filter(a -> a.resource().type().equals("topic") && "literal".equals(a.resource().patternType()))
                .filter(a -> a.operations().contains(operation))
                .map(a -> a.resource().name()).collect(Collectors.toCollection(TreeSet::new));
    }

    /** The topology's output topics: from its own declaration where that is on main, else as the catalogue documents them. */
    private static List<String> topologyOutputs() {
        Optional<List<String>> declared = staticField("io.rigstream.topology.RigstreamTopology", "OUTPUT_TOPICS")
                .map(value -> ((List<?>) value).stream().map(t -> ((TopicDescriptor<?>) t).name()).toList());
        return declared.orElse(List.of(Topics.USAGE_HOURLY.name(), Topics.USAGE_DAILY.name(), Topics.JOB_USAGE_DAILY.name(),
                Topics.DOWNTIME.name(), Topics.MAINTENANCE.name(), Topics.EQUIPMENT_STATE.name(), Topics.REJECTED.name()));
    }

    /** The topology's application id, as its settings give it. */
    private static String topologyApplicationId() {
        var settings = strimzi.settings(RigService.TOPOLOGY);
        assertThat(settings.value("kafka.streams.application.id")).as("set through topology.application-id only").isEmpty();
        return settings.value(io.rigstream.topology.service.TopologySettings.APPLICATION_ID).orElseThrow();
    }

    /** The sink's topics and group: its configuration's defaults (the manifests do not change them). */
    private static Map<String, String> sinkTopicDefaults() {
        var keys = RigService.SINK.definition().configKeys();
        Function<String, Optional<String>> def = key -> Optional.ofNullable(keys.get(key)).map(k -> String.valueOf(k.defaultValue));
        return Map.of(
                "usage", def.apply("odoo.topic.usage").orElse(Topics.JOB_USAGE_DAILY.name()),
                "maintenance", def.apply("odoo.topic.maintenance").orElse(Topics.MAINTENANCE.name()),
                "downtime", def.apply("odoo.topic.downtime").orElse(Topics.DOWNTIME.name()),
                "dead-letter", def.apply("odoo.topic.dead-letter").orElse(Topics.ODOO_REJECTED.name()),
                "group", def.apply("odoo.group-id").orElse("rigstream-odoo-sink"));
    }

    private static Optional<Object> staticField(String className, String field) {
        try {
            Field f = Class.forName(className).getField(field);
            return Optional.ofNullable(f.get(null));
        } catch (ReflectiveOperationException e) {
            return Optional.empty();
        }
    }
}
