package io.rigstream.k8s.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A small kustomize: renders a kustomization the way {@code kubectl kustomize} does, for the features rigstream's
 * manifests use (resources, components, namespace, config map and secret generators, strategic-merge and JSON 6902
 * patches, images). Anything else in a kustomization is refused, so the tests never silently check less than
 * kubectl would apply. Generated names carry no content hash (kubectl's do); {@code KustomizationTest} compares the
 * two renderings where kubectl is installed.
 */
public final class Kustomize {

    private static final Set<String> FIELDS = Set.of("apiVersion", "kind", "resources", "components", "namespace",
            "configMapGenerator", "secretGenerator", "patches", "images");
    private static final Set<String> CLUSTER_SCOPED = Set.of("Namespace", "ClusterRole", "ClusterRoleBinding",
            "CustomResourceDefinition", "PersistentVolume", "StorageClass", "PriorityClass");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** One rendered overlay: its resources and the names of the objects its generators made. */
    public record Rendering(Path root, List<ObjectNode> resources, Set<String> generatedNames) {
    }

    private final Set<String> generated = new LinkedHashSet<>();

    private Kustomize() {
    }

    public static Rendering render(Path dir) {
        Kustomize kustomize = new Kustomize();
        List<ObjectNode> resources = kustomize.build(dir, false, List.of());
        return new Rendering(dir, resources, Set.copyOf(kustomize.generated));
    }

    /** The kustomization file of a directory. */
    public static ObjectNode kustomization(Path dir) {
        Path file = dir.resolve("kustomization.yaml");
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("No kustomization.yaml in " + dir);
        }
        return Yaml.single(file);
    }

    /** Renders {@code dir}; a component's resources join {@code inherited}, and its generators and patches see them all. */
    private List<ObjectNode> build(Path dir, boolean asComponent, List<ObjectNode> inherited) {
        ObjectNode k = kustomization(dir);
        String kind = k.path("kind").asText("Kustomization");
        if (asComponent != "Component".equals(kind)) {
            throw new IllegalArgumentException(dir + " is a " + kind + (asComponent ? ", listed as a component" : ", listed as a resource"));
        }
        k.fieldNames().forEachRemaining(field -> {
            if (!FIELDS.contains(field)) {
                throw new UnsupportedOperationException(dir + "/kustomization.yaml uses '" + field
                        + "', which the tests' renderer does not implement; extend Kustomize before using it");
            }
        });
        List<ObjectNode> resources = new ArrayList<>(inherited);
        for (JsonNode entry : k.path("resources")) {
            Path path = dir.resolve(entry.asText()).normalize();
            if (Files.isDirectory(path)) {
                resources.addAll(build(path, false, List.of()));
            } else {
                Yaml.documents(path).forEach(resources::add);
            }
        }
        for (JsonNode entry : k.path("components")) {
            resources = build(dir.resolve(entry.asText()).normalize(), true, resources);
        }
        applyOwn(dir, k, resources);
        return resources;
    }

    private void applyOwn(Path dir, ObjectNode k, List<ObjectNode> resources) {
        for (JsonNode gen : k.path("configMapGenerator")) {
            generate(dir, gen, "ConfigMap", resources);
        }
        for (JsonNode gen : k.path("secretGenerator")) {
            generate(dir, gen, "Secret", resources);
        }
        for (JsonNode patch : k.path("patches")) {
            applyPatch(dir, patch, resources);
        }
        if (k.hasNonNull("namespace")) {
            String namespace = k.get("namespace").asText();
            for (ObjectNode resource : resources) {
                if (!CLUSTER_SCOPED.contains(resource.path("kind").asText())) {
                    ((ObjectNode) resource.with("metadata")).put("namespace", namespace);
                }
            }
        }
        for (JsonNode image : k.path("images")) {
            for (ObjectNode resource : resources) {
                JsonNode spec = podSpec(resource);
                if (spec != null) {
                    for (String list : List.of("containers", "initContainers")) {
                        for (JsonNode container : spec.path(list)) {
                            String current = container.path("image").asText();
                            String name = current.replaceAll("[:@].*$", "");
                            if (name.equals(image.path("name").asText())) {
                                String newName = image.path("newName").asText(name);
                                String tag = image.hasNonNull("newTag") ? ":" + image.get("newTag").asText() : "";
                                ((ObjectNode) container).put("image", newName + tag);
                            }
                        }
                    }
                }
            }
        }
    }

    /** The pod spec of a workload, or null. */
    public static JsonNode podSpec(JsonNode resource) {
        JsonNode spec = resource.path("spec").path("template").path("spec");
        return spec.isObject() ? spec : null;
    }

    private void generate(Path dir, JsonNode gen, String kind, List<ObjectNode> resources) {
        String name = gen.path("name").asText();
        Map<String, String> data = new LinkedHashMap<>();
        for (JsonNode file : gen.path("files")) {
            String spec = file.asText();
            String key = spec.contains("=") ? spec.substring(0, spec.indexOf('=')) : Path.of(spec).getFileName().toString();
            String path = spec.contains("=") ? spec.substring(spec.indexOf('=') + 1) : spec;
            data.put(key, read(dir.resolve(path)));
        }
        for (JsonNode env : gen.path("envs")) {
            for (String line : read(dir.resolve(env.asText())).split("\n")) {
                String trimmed = line.strip();
                if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                    continue;
                }
                int eq = trimmed.indexOf('=');
                if (eq < 1) {
                    throw new IllegalArgumentException(dir.resolve(env.asText()) + ": not KEY=VALUE: " + line);
                }
                data.put(trimmed.substring(0, eq), trimmed.substring(eq + 1));
            }
        }
        for (JsonNode literal : gen.path("literals")) {
            String spec = literal.asText();
            data.put(spec.substring(0, spec.indexOf('=')), spec.substring(spec.indexOf('=') + 1));
        }
        String behavior = gen.path("behavior").asText("create");
        ObjectNode existing = find(resources, kind, name);
        if (!"create".equals(behavior)) {
            if (existing == null) {
                throw new IllegalArgumentException(dir + ": " + behavior + " of " + kind + " " + name + ", which does not exist");
            }
            ObjectNode target = existing.with("data");
            if ("replace".equals(behavior)) {
                target.removeAll();
            }
            data.forEach((key, value) -> target.put(key, encode(kind, value)));
            return;
        }
        if (existing != null) {
            throw new IllegalArgumentException(dir + ": " + kind + " " + name + " is generated twice");
        }
        ObjectNode resource = NODES.objectNode();
        resource.put("apiVersion", "v1");
        resource.put("kind", kind);
        ObjectNode metadata = resource.putObject("metadata");
        metadata.put("name", name);
        JsonNode labels = gen.path("options").path("labels");
        if (labels.isObject()) {
            metadata.set("labels", labels.deepCopy());
        }
        if ("Secret".equals(kind)) {
            resource.put("type", gen.path("type").asText("Opaque"));
        }
        ObjectNode dataNode = resource.putObject("data");
        data.forEach((key, value) -> dataNode.put(key, encode(kind, value)));
        if (!gen.path("options").path("disableNameSuffixHash").asBoolean(false)) {
            generated.add(name);
        }
        resources.add(resource);
    }

    private static String encode(String kind, String value) {
        return "Secret".equals(kind) ? Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8)) : value;
    }

    private void applyPatch(Path dir, JsonNode entry, List<ObjectNode> resources) {
        String text = entry.has("path") ? read(dir.resolve(entry.get("path").asText())) : entry.path("patch").asText();
        JsonNode patch = Yaml.MAPPER.valueToTree(parseAny(text));
        JsonNode target = entry.path("target");
        if (patch.isArray()) {
            ObjectNode resource = required(resources, target.path("kind").asText(), target.path("name").asText(), dir);
            JsonPatch.apply(resource, (ArrayNode) patch);
            return;
        }
        String kind = target.isObject() ? target.path("kind").asText() : patch.path("kind").asText();
        String name = target.isObject() && target.has("name") ? target.get("name").asText() : patch.path("metadata").path("name").asText();
        ObjectNode resource = required(resources, kind, name, dir);
        StrategicMerge.apply(resource, (ObjectNode) patch);
    }

    private static Object parseAny(String text) {
        try {
            return Yaml.MAPPER.readValue(text, Object.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ObjectNode required(List<ObjectNode> resources, String kind, String name, Path dir) {
        ObjectNode resource = find(resources, kind, name);
        if (resource == null) {
            throw new IllegalArgumentException(dir + ": a patch targets " + kind + " " + name + ", which is not among the resources");
        }
        return resource;
    }

    static ObjectNode find(List<ObjectNode> resources, String kind, String name) {
        for (ObjectNode resource : resources) {
            if (kind.equals(resource.path("kind").asText()) && name.equals(resource.path("metadata").path("name").asText())) {
                return resource;
            }
        }
        return null;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    /** Kubernetes' strategic merge, for the list merge keys of the fields rigstream's patches touch. */
    static final class StrategicMerge {

        private static final Map<String, String> MERGE_KEYS = Map.of(
                "containers", "name", "initContainers", "name", "env", "name", "volumes", "name",
                "volumeMounts", "mountPath", "imagePullSecrets", "name");

        static void apply(ObjectNode target, ObjectNode patch) {
            Iterator<Map.Entry<String, JsonNode>> fields = patch.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                String key = field.getKey();
                JsonNode value = field.getValue();
                if (key.startsWith("$")) {
                    throw new UnsupportedOperationException("strategic merge directive " + key + " is not implemented");
                }
                if (value.isNull()) {
                    target.remove(key);
                } else if (value.isObject() && target.path(key).isObject()) {
                    apply((ObjectNode) target.get(key), (ObjectNode) value);
                } else if (value.isArray() && target.path(key).isArray() && mergeKey(key, (ArrayNode) value) != null) {
                    mergeList((ArrayNode) target.get(key), (ArrayNode) value, mergeKey(key, (ArrayNode) value));
                } else {
                    target.set(key, value.deepCopy());
                }
            }
        }

        private static String mergeKey(String field, ArrayNode list) {
            if ("ports".equals(field)) {
                return list.size() > 0 && list.get(0).has("containerPort") ? "containerPort" : "port";
            }
            return MERGE_KEYS.get(field);
        }

        private static void mergeList(ArrayNode target, ArrayNode patch, String key) {
            List<JsonNode> added = new ArrayList<>();
            for (JsonNode item : patch) {
                JsonNode match = null;
                for (JsonNode existing : target) {
                    if (existing.path(key).equals(item.path(key))) {
                        match = existing;
                    }
                }
                if (match == null) {
                    added.add(item.deepCopy());
                } else {
                    apply((ObjectNode) match, (ObjectNode) item);
                }
            }
            // kubectl puts the patch's new items first
            for (int i = added.size() - 1; i >= 0; i--) {
                target.insert(0, added.get(i));
            }
        }
    }

    /** RFC 6902 add, replace and remove. */
    static final class JsonPatch {

        static void apply(ObjectNode document, ArrayNode operations) {
            for (JsonNode operation : operations) {
                String op = operation.path("op").asText();
                List<String> path = pointer(operation.path("path").asText());
                JsonNode parent = document;
                for (String token : path.subList(0, path.size() - 1)) {
                    parent = parent.isArray() ? parent.get(Integer.parseInt(token)) : parent.get(token);
                    if (parent == null) {
                        throw new IllegalArgumentException("JSON patch path not found: " + operation.path("path").asText());
                    }
                }
                String last = path.get(path.size() - 1);
                switch (op) {
                    case "add", "replace" -> {
                        JsonNode value = operation.get("value").deepCopy();
                        if (parent.isArray()) {
                            ArrayNode array = (ArrayNode) parent;
                            if ("-".equals(last)) {
                                array.add(value);
                            } else if ("add".equals(op)) {
                                array.insert(Integer.parseInt(last), value);
                            } else {
                                array.set(Integer.parseInt(last), value);
                            }
                        } else {
                            if ("replace".equals(op) && !parent.has(last)) {
                                throw new IllegalArgumentException("JSON patch replaces a missing field: " + operation.path("path").asText());
                            }
                            ((ObjectNode) parent).set(last, value);
                        }
                    }
                    case "remove" -> {
                        if (parent.isArray()) {
                            ((ArrayNode) parent).remove(Integer.parseInt(last));
                        } else {
                            ((ObjectNode) parent).remove(last);
                        }
                    }
                    default -> throw new UnsupportedOperationException("JSON patch op " + op);
                }
            }
        }

        private static List<String> pointer(String path) {
            List<String> tokens = new ArrayList<>();
            for (String token : path.substring(1).split("/", -1)) {
                tokens.add(token.replace("~1", "/").replace("~0", "~"));
            }
            return tokens;
        }
    }
}
