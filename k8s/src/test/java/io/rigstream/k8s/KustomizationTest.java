package io.rigstream.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.rigstream.k8s.support.Kustomize;
import io.rigstream.k8s.support.Overlay;
import io.rigstream.k8s.support.Repo;
import io.rigstream.k8s.support.Yaml;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The kustomize layout holds together: what a kustomization lists exists, nothing lies about unlisted, overlays render. */
class KustomizationTest {

    static List<Path> kustomizationDirs() throws IOException {
        try (Stream<Path> files = Files.walk(Repo.k8s())) {
            return files.filter(p -> p.getFileName().toString().equals("kustomization.yaml"))
                    .filter(p -> !p.startsWith(Repo.k8s().resolve("target")))
                    .map(Path::getParent).sorted().toList();
        }
    }

    @Test
    void theLayoutHasABaseAndTheThreeOverlays() throws IOException {
        assertThat(kustomizationDirs()).map(d -> Repo.k8s().relativize(d).toString().replace('\\', '/'))
                .contains("base", "overlays/dev", "overlays/production", "overlays/strimzi", "components/monitoring");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kustomizationDirs")
    void everyFileAKustomizationNamesExistsAndEveryFileBesideItIsNamed(Path dir) throws IOException {
        ObjectNode k = Kustomize.kustomization(dir);
        Set<Path> named = new HashSet<>();
        for (String list : List.of("resources", "components")) {
            for (JsonNode entry : k.path(list)) {
                Path path = dir.resolve(entry.asText()).normalize();
                assertThat(path).as("%s lists %s", dir, entry.asText()).exists();
                if (Files.isDirectory(path)) {
                    assertThat(path.resolve("kustomization.yaml")).as("%s lists directory %s", dir, entry.asText()).exists();
                }
                named.add(path);
            }
        }
        for (String generator : List.of("configMapGenerator", "secretGenerator")) {
            for (JsonNode gen : k.path(generator)) {
                for (String list : List.of("files", "envs")) {
                    for (JsonNode entry : gen.path(list)) {
                        String spec = entry.asText();
                        Path path = dir.resolve(spec.contains("=") ? spec.substring(spec.indexOf('=') + 1) : spec).normalize();
                        assertThat(path).as("%s generates %s from %s", dir, gen.path("name").asText(), spec).isRegularFile();
                        assertThat(path.startsWith(dir)).as("%s: kustomize loads files only from under the kustomization: %s",
                                dir, spec).isTrue();
                        named.add(path);
                    }
                }
            }
        }
        for (JsonNode patch : k.path("patches")) {
            if (patch.has("path")) {
                Path path = dir.resolve(patch.get("path").asText()).normalize();
                assertThat(path).as("%s patch", dir).isRegularFile();
                named.add(path);
            }
        }
        List<Path> unnamed = new ArrayList<>();
        List<Path> others = kustomizationDirs().stream().filter(other -> !other.equals(dir)).toList();
        try (Stream<Path> files = Files.walk(dir)) {
            files.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().equals("kustomization.yaml"))
                    .filter(p -> others.stream().noneMatch(p::startsWith))
                    .filter(p -> !named.contains(p.normalize()))
                    .filter(p -> named.stream().noneMatch(n -> Files.isDirectory(n) && p.startsWith(n)))
                    .forEach(unnamed::add);
        }
        assertThat(unnamed).as("files in %s that its kustomization does not use", dir).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.rigstream.k8s.support.Overlay#names")
    void namesAreUniquePerKindAndEveryResourceIsInTheOverlaysNamespace(String name) {
        Overlay overlay = Overlay.render(name);
        Set<String> seen = new HashSet<>();
        String namespace = null;
        for (ObjectNode resource : overlay.rendering().resources()) {
            String id = resource.path("kind").asText() + "/" + resource.path("metadata").path("name").asText();
            assertThat(seen.add(id)).as("%s renders %s twice", name, id).isTrue();
            if (!resource.path("kind").asText().equals("Namespace")) {
                String ns = resource.path("metadata").path("namespace").asText(null);
                assertThat(ns).as("%s: %s has a namespace", name, id).isNotNull();
                namespace = namespace == null ? ns : namespace;
                assertThat(ns).as("%s: %s namespace", name, id).isEqualTo(namespace);
            }
        }
        String expected = namespace;
        assertThat(overlay.rendering().resources()).as("%s creates its namespace %s", name, expected)
                .anyMatch(r -> r.path("kind").asText().equals("Namespace") && r.path("metadata").path("name").asText().equals(expected));
    }

    /**
     * Where kubectl is installed, its kustomize must render each overlay exactly as the tests' renderer does (content
     * hashes of generated names aside), so every other test checks what kubectl would apply.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("io.rigstream.k8s.support.Overlay#names")
    void theTestsRendererAgreesWithKubectlKustomize(String name) throws Exception {
        Path dir = Repo.k8s().resolve("overlays").resolve(name);
        String kubectl = kubectlOutput(dir);
        assumeThat(kubectl).as("kubectl is not installed here; the cross-check runs where it is").isNotNull();
        Kustomize.Rendering ours = Kustomize.render(dir);
        Map<String, JsonNode> theirs = new TreeMap<>();
        for (ObjectNode doc : documents(kubectl)) {
            JsonNode normalized = normalize(unhash(doc, ours.generatedNames()));
            theirs.put(id(normalized), normalized);
        }
        Map<String, JsonNode> mine = new TreeMap<>();
        for (ObjectNode doc : ours.resources()) {
            JsonNode normalized = normalize(doc.deepCopy());
            mine.put(id(normalized), normalized);
        }
        assertThat(mine.keySet()).isEqualTo(theirs.keySet());
        for (String id : mine.keySet()) {
            assertThat(mine.get(id)).as("%s: %s as kubectl renders it", name, id).isEqualTo(theirs.get(id));
        }
    }

    private static String kubectlOutput(Path dir) throws IOException, InterruptedException {
        Process process;
        try {
            process = new ProcessBuilder("kubectl", "kustomize", dir.toString()).redirectErrorStream(false).start();
        } catch (IOException notInstalled) {
            return null;
        }
        byte[] out = process.getInputStream().readAllBytes();
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("kubectl kustomize " + dir + " did not finish in 60 s");
        }
        assertThat(process.exitValue()).as("kubectl kustomize %s: %s", dir, err).isZero();
        return new String(out, StandardCharsets.UTF_8);
    }

    private static List<ObjectNode> documents(String text) throws IOException {
        Path tmp = Files.createTempFile("kustomize", ".yaml");
        try {
            Files.writeString(tmp, text);
            return Yaml.documents(tmp);
        } finally {
            Files.delete(tmp);
        }
    }

    private static String id(JsonNode doc) {
        return doc.path("kind").asText() + "/" + doc.path("metadata").path("name").asText();
    }

    /** Replaces name-hash-suffixed references to generated objects by the plain names. */
    private static JsonNode unhash(JsonNode node, Set<String> generated) {
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            List<Map.Entry<String, JsonNode>> entries = new ArrayList<>();
            fields.forEachRemaining(entries::add);
            for (Map.Entry<String, JsonNode> e : entries) {
                ((ObjectNode) node).set(e.getKey(), unhash(e.getValue(), generated));
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                ((ArrayNode) node).set(i, unhash(node.get(i), generated));
            }
        } else if (node.isTextual()) {
            for (String name : generated) {
                if (node.asText().matches(java.util.regex.Pattern.quote(name) + "-[a-z0-9]{10}")) {
                    return TextNode.valueOf(name);
                }
            }
        }
        return node;
    }

    /** Order-insensitive form: keys sorted, lists of named items sorted by name. */
    private static JsonNode normalize(JsonNode node) {
        if (node.isObject()) {
            ObjectNode sorted = Yaml.JSON.createObjectNode();
            TreeSet<String> keys = new TreeSet<>();
            node.fieldNames().forEachRemaining(keys::add);
            keys.forEach(k -> sorted.set(k, normalize(node.get(k))));
            return sorted;
        }
        if (node.isArray()) {
            List<JsonNode> items = new ArrayList<>();
            node.forEach(item -> items.add(normalize(item)));
            for (String key : List.of("name", "mountPath", "containerPort", "port")) {
                if (!items.isEmpty() && items.stream().allMatch(i -> i.has(key))) {
                    items.sort((a, b) -> a.get(key).asText().compareTo(b.get(key).asText()));
                    break;
                }
            }
            ArrayNode array = Yaml.JSON.createArrayNode();
            items.forEach(array::add);
            return array;
        }
        return node;
    }
}
