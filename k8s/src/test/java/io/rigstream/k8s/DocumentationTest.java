package io.rigstream.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Secret;
import io.rigstream.k8s.support.Overlay;
import io.rigstream.k8s.support.Repo;
import io.rigstream.k8s.support.RigService;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** docs/deployment.md tells the truth about what the manifests expect and how the image is built. */
class DocumentationTest {

    private static String deployment() throws Exception {
        return Files.readString(Repo.path("docs/deployment.md"));
    }

    @Test
    void everySecretAnOverlayExpectsButDoesNotCreateIsDocumentedWithItsKeys() throws Exception {
        String docs = deployment();
        for (String name : Overlay.NAMES) {
            Overlay overlay = Overlay.render(name);
            overlay.secretReferences().forEach((secret, users) -> {
                if (overlay.find(Secret.class, secret).isPresent()) {
                    return;
                }
                assertThat(docs).as("%s expects Secret %s (used by %s)", name, secret, users)
                        .contains("`" + secret + "`");
            });
            overlay.podTemplates().forEach((workload, template) -> template.getSpec().getContainers().forEach(c -> {
                if (c.getEnv() != null) {
                    c.getEnv().stream().filter(e -> e.getValueFrom() != null && e.getValueFrom().getSecretKeyRef() != null)
                            .forEach(e -> assertThat(docs).contains("`" + e.getValueFrom().getSecretKeyRef().getKey() + "`"));
                }
            }));
        }
    }

    @Test
    void theImageCommandIsTheOneThePomDocuments() throws Exception {
        String command = "mvn -B -ntp -Pimage -pl launcher -am -DskipTests package";
        assertThat(deployment()).contains(command);
        assertThat(Files.readString(Repo.path("launcher/pom.xml"))).contains(command);
        assertThat(Files.readString(Repo.path("compose.yaml"))).contains(command);
    }

    @Test
    void theManagementPortsInTheTableAreTheManifests() throws Exception {
        String docs = deployment();
        Overlay production = Overlay.render("production");
        for (RigService service : RigService.values()) {
            String port = production.settings(service).value("management.port").orElseThrow();
            assertThat(docs).as(service.command()).containsPattern("\\| " + service.command() + " +\\| `" + service.command()
                    + "` +\\| [^|]+\\| " + port + " \\|");
        }
    }
}
