package io.rigstream.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rigstream.k8s.support.Manifests;
import io.rigstream.k8s.support.Overlay;
import io.rigstream.k8s.support.Repo;
import io.rigstream.k8s.support.Yaml;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every manifest under k8s/ is a Kubernetes (or Strimzi, or Prometheus Operator) object its typed model accepts. */
class ManifestParsingTest {

    static Stream<Path> manifestFiles() throws IOException {
        Path k8s = Repo.k8s();
        try (Stream<Path> files = Files.walk(k8s)) {
            return files.filter(p -> p.toString().endsWith(".yaml"))
                    .filter(p -> !p.startsWith(k8s.resolve("target")) && !p.startsWith(k8s.resolve("src")))
                    .filter(p -> !p.getFileName().toString().equals("kustomization.yaml"))
                    .sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("manifestFiles")
    void everyManifestFileParsesIntoTypedObjectsWithoutUnknownFields(Path file) {
        List<ObjectNode> docs = Yaml.documents(file);
        assertThat(docs).as("%s holds one resource", file).hasSize(1);
        for (ObjectNode doc : docs) {
            boolean patch = file.getFileName().toString().startsWith("patch-");
            if (!patch) {
                assertThat(doc.path("metadata").path("name").asText()).as("%s has a name", file).isNotBlank();
            }
            Manifests.typed(doc);
        }
    }

    @Test
    void numberedFilesAreNamedAfterTheirKindAndResource() throws IOException {
        for (Path file : manifestFiles().toList()) {
            String name = file.getFileName().toString();
            if (!name.matches("\\d{3}-.*")) {
                assertThat(name).as("unnumbered manifest %s", file).startsWith("patch-");
                continue;
            }
            ObjectNode doc = Yaml.single(file);
            String expected = name.substring(0, 4) + doc.path("kind").asText() + "-" + doc.path("metadata").path("name").asText()
                    .replace('.', '-') + ".yaml";
            assertThat(name).as("file name of %s", file).isEqualTo(expected);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.rigstream.k8s.support.Overlay#names")
    void everyRenderedResourceOfTheOverlayIsTyped(String overlay) {
        Overlay rendered = Overlay.render(overlay);
        assertThat(rendered.all()).hasSameSizeAs(rendered.rendering().resources());
    }

    @Test
    void aMisspeltFieldIsCaughtAlthoughFabric8WouldKeepIt() {
        ObjectNode deployment = Yaml.single(Repo.k8s().resolve("base/011-Deployment-rigstream-ingest.yaml"));
        ((ObjectNode) deployment.path("spec").path("template").path("spec").path("containers").get(0))
                .put("imagePulPolicy", "Always");
        assertThatThrownBy(() -> Manifests.typed(deployment)).hasMessageContaining("imagePulPolicy");
    }

    @Test
    void aKindWithoutAModelIsRefused() {
        ObjectNode job = Yaml.parse("apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: x\n");
        assertThatThrownBy(() -> Manifests.typed(job)).hasMessageContaining("No typed model for batch/v1/CronJob");
    }
}
