package io.rigstream.k8s.support;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import java.util.Map;

/**
 * The parts of Strimzi's {@code kafka.strimzi.io/v1beta2} KafkaTopic and KafkaUser that rigstream uses, as records.
 * Parsed strictly: a field Strimzi does not have (a typo) fails the parse. Strimzi's own API module does not resolve
 * from Maven Central alone, hence these.
 */
public final class StrimziModel {

    private StrimziModel() {
    }

    @JsonIgnoreProperties(ignoreUnknown = false)
    public record Metadata(String name, String namespace, Map<String, String> labels, Map<String, String> annotations) {
    }

    public record KafkaTopic(String apiVersion, String kind, Metadata metadata, TopicSpec spec) {
    }

    public record TopicSpec(String topicName, int partitions, int replicas, Map<String, Object> config) {
    }

    public record KafkaUser(String apiVersion, String kind, Metadata metadata, UserSpec spec) {
    }

    public record UserSpec(Authentication authentication, Authorization authorization) {
    }

    public record Authentication(String type) {
    }

    public record Authorization(String type, List<Acl> acls) {
    }

    public record Acl(AclResource resource, List<String> operations, String host, String type) {
    }

    public record AclResource(String type, String name, String patternType) {
    }
}
