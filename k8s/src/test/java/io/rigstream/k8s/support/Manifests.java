package io.rigstream.k8s.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.openshift.api.model.monitoring.v1.PrometheusRule;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Turns manifest trees into typed objects: the fabric8 Kubernetes model for Kubernetes and Prometheus Operator kinds,
 * {@link StrimziModel} for Strimzi's. A kind not listed here is refused, and so is a field the model does not know:
 * fabric8 keeps unknown fields in {@code additionalProperties} instead of failing, so those are searched for.
 */
public final class Manifests {

    private static final Map<String, Class<?>> TYPES = Map.ofEntries(
            Map.entry("v1/Namespace", Namespace.class),
            Map.entry("v1/ServiceAccount", ServiceAccount.class),
            Map.entry("v1/ConfigMap", ConfigMap.class),
            Map.entry("v1/Secret", Secret.class),
            Map.entry("v1/Service", Service.class),
            Map.entry("apps/v1/Deployment", Deployment.class),
            Map.entry("apps/v1/StatefulSet", StatefulSet.class),
            Map.entry("policy/v1/PodDisruptionBudget", PodDisruptionBudget.class),
            Map.entry("autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class),
            Map.entry("networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class),
            Map.entry("monitoring.coreos.com/v1/ServiceMonitor", ServiceMonitor.class),
            Map.entry("monitoring.coreos.com/v1/PrometheusRule", PrometheusRule.class),
            Map.entry("kafka.strimzi.io/v1beta2/KafkaTopic", StrimziModel.KafkaTopic.class),
            Map.entry("kafka.strimzi.io/v1beta2/KafkaUser", StrimziModel.KafkaUser.class));

    private Manifests() {
    }

    public static Class<?> typeOf(JsonNode tree) {
        String key = tree.path("apiVersion").asText() + "/" + tree.path("kind").asText();
        Class<?> type = TYPES.get(key);
        if (type == null) {
            throw new IllegalArgumentException("No typed model for " + key + " (" + tree.path("metadata").path("name").asText()
                    + "): add it to Manifests.TYPES");
        }
        return type;
    }

    /** The typed object of a manifest; fails on an unknown kind, an unknown field or a value of the wrong type. */
    public static Object typed(JsonNode tree) {
        Class<?> type = typeOf(tree);
        Object typed;
        try {
            typed = Yaml.MAPPER.treeToValue(tree, type);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(describe(tree) + " does not parse as " + type.getSimpleName() + ": "
                    + e.getOriginalMessage(), e);
        }
        List<String> unknown = new ArrayList<>();
        findUnknownFields(typed, type.getSimpleName(), unknown);
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException(describe(tree) + " has fields the " + type.getSimpleName()
                    + " model does not know: " + unknown);
        }
        return typed;
    }

    public static <T> T typed(JsonNode tree, Class<T> type) {
        return type.cast(typed(tree));
    }

    public static String describe(JsonNode tree) {
        return tree.path("kind").asText() + " " + tree.path("metadata").path("name").asText();
    }

    private static void findUnknownFields(Object value, String path, List<String> unknown) {
        if (value == null) {
            return;
        }
        if (value instanceof Collection<?> collection) {
            int i = 0;
            for (Object item : collection) {
                findUnknownFields(item, path + "[" + i++ + "]", unknown);
            }
            return;
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> findUnknownFields(v, path + "." + k, unknown));
            return;
        }
        if (!value.getClass().getName().startsWith("io.fabric8.")) {
            return;
        }
        for (Method method : value.getClass().getMethods()) {
            if (method.getParameterCount() != 0 || Modifier.isStatic(method.getModifiers())
                    || !method.getName().startsWith("get") || method.getDeclaringClass() == Object.class) {
                continue;
            }
            Object child;
            try {
                child = method.invoke(value);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
            String name = method.getName().substring(3);
            if ("AdditionalProperties".equals(name)) {
                if (child instanceof Map<?, ?> extra && !extra.isEmpty()) {
                    unknown.add(path + ": " + extra.keySet());
                }
            } else {
                findUnknownFields(child, path + "." + Character.toLowerCase(name.charAt(0)) + name.substring(1), unknown);
            }
        }
    }
}
