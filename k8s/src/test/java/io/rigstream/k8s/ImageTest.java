package io.rigstream.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.rigstream.k8s.support.Overlay;
import io.rigstream.k8s.support.Repo;
import io.rigstream.k8s.support.RigService;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The Dockerfile and the Jib profile make the same image: same base, same non-root user, same JVM settings, the
 * launcher's jar as the entrypoint; and the manifests run it as that user, choosing the service by arguments.
 */
class ImageTest {

    static Document launcherPom() throws Exception {
        var factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(false);
        return factory.newDocumentBuilder().parse(Repo.path("launcher/pom.xml").toFile());
    }

    static String profileProperty(String name) throws Exception {
        Element profile = imageProfile();
        return ((Element) profile.getElementsByTagName("properties").item(0)).getElementsByTagName(name).item(0).getTextContent().trim();
    }

    static Element imageProfile() throws Exception {
        var profiles = launcherPom().getElementsByTagName("profile");
        for (int i = 0; i < profiles.getLength(); i++) {
            Element profile = (Element) profiles.item(i);
            if (profile.getElementsByTagName("id").item(0).getTextContent().trim().equals("image")) {
                return profile;
            }
        }
        throw new AssertionError("launcher/pom.xml has no profile 'image'");
    }

    static String projectVersion() throws Exception {
        var root = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(Repo.path("pom.xml").toFile());
        return ((Element) root.getDocumentElement()).getElementsByTagName("version").item(0).getTextContent().trim();
    }

    /** rigstream:<version>, as the image profile names it. */
    static String imageName() throws Exception {
        return profileProperty("image.name").replace("${project.version}", projectVersion());
    }

    private static String jib(String element) throws Exception {
        return imageProfile().getElementsByTagName(element).item(0).getTextContent().trim();
    }

    private static String dockerfile() throws Exception {
        return Files.readString(Repo.path("Dockerfile"));
    }

    private static String instruction(String name) throws Exception {
        Matcher m = Pattern.compile("(?m)^" + name + "\\s+(.+)$").matcher(dockerfile());
        List<String> found = new ArrayList<>();
        while (m.find()) {
            found.add(m.group(1).trim());
        }
        assertThat(found).as("Dockerfile %s", name).hasSize(1);
        return found.get(0);
    }

    @Test
    void bothBuildOnTheSameBaseAsTheSameNonRootUser() throws Exception {
        assertThat(instruction("FROM")).isEqualTo(profileProperty("image.base")).isEqualTo("eclipse-temurin:17-jre");
        String uid = profileProperty("image.user").split(":")[0];
        assertThat(Integer.parseInt(uid)).isPositive();
        assertThat(jib("user")).isEqualTo("${image.user}");
        assertThat(dockerfile()).contains("ARG RIGSTREAM_UID=" + uid);
        assertThat(instruction("USER")).isEqualTo("${RIGSTREAM_UID}:${RIGSTREAM_UID}");
        assertThat(profileProperty("image.user")).isEqualTo(uid + ":" + uid);
    }

    @Test
    void bothRunTheLauncherAndLeaveTheSubcommandToTheArguments() throws Exception {
        String finalName = launcherPom().getElementsByTagName("finalName").item(0).getTextContent().trim();
        assertThat(instruction("ENTRYPOINT")).isEqualTo("[\"java\", \"-jar\", \"/opt/rigstream/" + finalName + ".jar\"]");
        assertThat(dockerfile()).contains("COPY --chown=0:0 launcher/target/" + finalName + ".jar /opt/rigstream/" + finalName + ".jar")
                .contains("COPY --chown=0:0 launcher/target/lib/ /opt/rigstream/lib/");
        assertThat(launcherPom().getElementsByTagName("classpathPrefix").item(0).getTextContent().trim()).isEqualTo("lib/");
        assertThat(jib("mainClass")).isEqualTo(launcherPom().getElementsByTagName("mainClass").item(0).getTextContent().trim());
        assertThat(jib("appRoot")).isEqualTo("/opt/rigstream");
        assertThat(jib("containerizingMode")).isEqualTo("packaged");
        assertThat(imageProfile().getElementsByTagName("goal").item(0).getTextContent()).isEqualTo("buildTar");
    }

    @Test
    void bothSetTheSameJvmDefaultsAsAnEnvironmentVariableThePodsMayReplace() throws Exception {
        String jibOptions = jib("JAVA_TOOL_OPTIONS");
        assertThat(instruction("ENV")).isEqualTo("JAVA_TOOL_OPTIONS=\"" + jibOptions + "\"");
        assertThat(imageProfile().getElementsByTagName("jvmFlags").getLength()).as("flags would override a pod's JAVA_TOOL_OPTIONS").isZero();
    }

    @Test
    void theManifestsRunTheImageAsItsUser() throws Exception {
        long uid = Long.parseLong(profileProperty("image.user").split(":")[0]);
        for (String name : Overlay.NAMES) {
            Overlay overlay = Overlay.render(name);
            for (RigService service : RigService.values()) {
                var pod = overlay.podTemplate(service).getSpec();
                assertThat(pod.getSecurityContext().getRunAsUser()).as("%s %s", name, service).isEqualTo(uid);
                assertThat(overlay.container(service).getImage()).as("%s %s", name, service).endsWith(":" + projectVersion());
            }
        }
        assertThat(Overlay.render("dev").get(Deployment.class, "rigstream-ingest").getSpec().getTemplate().getSpec()
                .getContainers().get(0).getImage()).isEqualTo(imageName());
    }
}
