package io.rigstream.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rigstream.k8s.support.Repo;
import io.rigstream.k8s.support.RigService;
import io.rigstream.k8s.support.ServiceSettings;
import io.rigstream.k8s.support.Yaml;
import io.rigstream.runtime.config.CommonConfig;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * compose.yaml, checked without a Docker engine: it parses with only the fields this file means to use, every
 * rigstream service's settings are keys that service accepts, and every host and port a service is told to reach is a
 * compose service listening there.
 */
class ComposeTest {

    private static final Set<String> TOP_LEVEL = Set.of("name", "services", "volumes");
    private static final Set<String> SERVICE_FIELDS = Set.of("image", "command", "entrypoint", "environment", "ports", "volumes",
            "depends_on", "healthcheck", "restart", "user", "read_only", "tmpfs", "profiles");
    private static final Set<String> CONDITIONS = Set.of("service_started", "service_healthy", "service_completed_successfully");

    private static ObjectNode compose;

    @TempDir
    Path scratch;

    @BeforeAll
    static void read() {
        compose = Yaml.single(Repo.path("compose.yaml"));
    }

    static Stream<String> rigstreamServices() {
        read();
        List<String> names = new ArrayList<>();
        compose.path("services").fields().forEachRemaining(e -> {
            if (isRigstream(e.getValue()) && RigService.forCommand(command(e.getValue()).get(0)).isPresent()) {
                names.add(e.getKey());
            }
        });
        return names.stream();
    }

    private static boolean isRigstream(JsonNode service) {
        return service.path("image").asText().startsWith("rigstream:");
    }

    private static List<String> command(JsonNode service) {
        List<String> args = new ArrayList<>();
        service.path("command").forEach(a -> args.add(a.asText()));
        return args;
    }

    private static Map<String, String> environment(JsonNode service) {
        Map<String, String> env = new LinkedHashMap<>();
        JsonNode node = service.path("environment");
        assertThat(node.isMissingNode() || node.isObject()).as("environment as a mapping").isTrue();
        node.fields().forEachRemaining(e -> {
            assertThat(e.getValue().isTextual()).as("%s is quoted: compose passes strings", e.getKey()).isTrue();
            env.put(e.getKey(), e.getValue().asText());
        });
        return env;
    }

    private static ServiceSettings settings(String name) {
        JsonNode service = compose.path("services").path(name);
        List<String> args = command(service);
        RigService rig = RigService.forCommand(args.get(0)).orElseThrow();
        assertThat(ServiceSettings.configFileArgument(args)).as("compose configures %s by environment only", name).isEmpty();
        return new ServiceSettings("compose/" + name, rig, args, Map.of(), environment(service), ServiceSettings.overridesOf(args));
    }

    @Test
    void composeUsesOnlyTheFieldsItMeansTo() {
        compose.fieldNames().forEachRemaining(f -> assertThat(f).isIn(TOP_LEVEL));
        compose.path("services").fields().forEachRemaining(e -> e.getValue().fieldNames().forEachRemaining(f ->
                assertThat(f).as("service %s field", e.getKey()).isIn(SERVICE_FIELDS)));
    }

    @Test
    void itBringsUpWhatADeveloperNeedsAroundRigstream() {
        Map<String, String> images = new TreeMap<>();
        compose.path("services").fields().forEachRemaining(e -> images.put(e.getKey(), e.getValue().path("image").asText()));
        assertThat(images.values()).anyMatch(i -> i.startsWith("apache/kafka:"))
                .anyMatch(i -> i.startsWith("confluentinc/cp-schema-registry:"))
                .anyMatch(i -> i.startsWith("eclipse-mosquitto:"))
                .anyMatch(i -> i.equals("odoo:17"))
                .anyMatch(i -> i.startsWith("postgres:"));
        assertThat(rigstreamServices().map(n -> command(compose.path("services").path(n)).get(0)))
                .containsExactlyInAnyOrder("ingest", "topology", "sink");
        assertThat(compose.path("services").path("kafka").path("environment").path("KAFKA_PROCESS_ROLES").asText())
                .as("KRaft").isEqualTo("broker,controller");
        org.apache.kafka.common.Uuid.fromString(compose.path("services").path("kafka").path("environment").path("CLUSTER_ID").asText());
    }

    @ParameterizedTest
    @MethodSource("rigstreamServices")
    void everySettingIsAKeyTheServiceAcceptsAndItsParserAcceptsThem(String name) {
        ServiceSettings settings = settings(name);
        assertThat(settings.problems()).isEmpty();
        settings.parse(scratch);
    }

    @ParameterizedTest
    @MethodSource("rigstreamServices")
    void everyHostAServiceIsToldToReachIsAComposeServiceListeningOnThatPort(String name) {
        ServiceSettings settings = settings(name);
        List<String> endpoints = new ArrayList<>();
        for (String server : settings.value(CommonConfig.KAFKA_BOOTSTRAP_SERVERS).orElseThrow().split(",")) {
            endpoints.add(server.trim());
        }
        endpoints.add(hostPort(settings.value(CommonConfig.SCHEMA_REGISTRY_URL).orElseThrow()));
        settings.value("mqtt.server-uris").ifPresent(v -> Stream.of(v.split(",")).map(String::trim).map(ComposeTest::hostPort)
                .forEach(endpoints::add));
        settings.value("odoo.url").filter(v -> !v.isBlank()).ifPresent(v -> endpoints.add(hostPort(v)));
        for (String endpoint : endpoints) {
            String host = endpoint.substring(0, endpoint.lastIndexOf(':'));
            int port = Integer.parseInt(endpoint.substring(endpoint.lastIndexOf(':') + 1));
            assertThat(compose.path("services").has(host)).as("%s reaches %s, a compose service", name, endpoint).isTrue();
            assertThat(listeningPorts(host)).as("%s reaches %s: ports %s listens on", name, endpoint, host).contains(port);
            assertThat(dependsOn(name)).as("%s waits for %s", name, host).contains(host);
        }
    }

    @ParameterizedTest
    @MethodSource("rigstreamServices")
    void theManagementPortIsPublishedAsIsAndEveryHostPortIsUsedOnce(String name) {
        ServiceSettings settings = settings(name);
        String port = settings.value(CommonConfig.MANAGEMENT_PORT).orElseThrow();
        assertThat(publishedPorts()).containsEntry(name + ":" + port, port);
        assertThat(compose.path("services").path(name).path("read_only").asBoolean()).as("%s read-only root", name).isTrue();
        assertThat(compose.path("services").path(name).path("user").asText()).as("%s non-root", name).isEqualTo("10001:10001");
    }

    /** The launcher's own command line (picocli) accepts every rigstream command here: subcommand and options exist. */
    @Test
    void everyRigstreamCommandIsOneTheLauncherAccepts() {
        compose.path("services").fields().forEachRemaining(e -> {
            if (isRigstream(e.getValue())) {
                String[] args = command(e.getValue()).toArray(String[]::new);
                new picocli.CommandLine(new io.rigstream.launcher.RigstreamCommand()).parseArgs(args);
            }
        });
    }

    @Test
    void noValueIsInterpolatedByAccident() throws Exception {
        // compose replaces $VAR and ${VAR} from the shell; a literal dollar must be written $$
        String text = Files.readString(Repo.path("compose.yaml")).replace("$$", "");
        assertThat(text).as("compose.yaml interpolates nothing: write a literal $ as $$").doesNotContain("$");
    }

    @Test
    void hostPortsAreUnique() {
        Set<String> seen = new HashSet<>();
        compose.path("services").fields().forEachRemaining(e -> e.getValue().path("ports").forEach(p -> assertThat(
                seen.add(p.asText().split(":")[0])).as("host port %s used twice", p.asText()).isTrue()));
    }

    @Test
    void dependenciesNameServicesWithConditionsComposeKnows() {
        compose.path("services").fields().forEachRemaining(e -> e.getValue().path("depends_on").fields().forEachRemaining(d -> {
            assertThat(compose.path("services").has(d.getKey())).as("%s depends on %s", e.getKey(), d.getKey()).isTrue();
            String condition = d.getValue().path("condition").asText();
            assertThat(condition).isIn(CONDITIONS);
            if (condition.equals("service_healthy")) {
                assertThat(compose.path("services").path(d.getKey()).has("healthcheck")).as("%s has a healthcheck", d.getKey()).isTrue();
            }
        }));
    }

    @Test
    void boundFilesExistAndNamedVolumesAreDeclared() {
        compose.path("services").fields().forEachRemaining(e -> e.getValue().path("volumes").forEach(v -> {
            String source = v.asText().split(":")[0];
            if (source.startsWith("./")) {
                assertThat(Repo.path(source.substring(2))).as("%s mounts %s", e.getKey(), source).exists();
            } else {
                assertThat(compose.path("volumes").has(source)).as("%s uses volume %s", e.getKey(), source).isTrue();
            }
        }));
    }

    @Test
    void theSinkReadsTheApiKeyFromTheVolumeTheIntegrationUserScriptWritesTo() throws Exception {
        String keyFile = settings("sink").value("odoo.api-key").orElseThrow();
        assertThat(keyFile).startsWith("file:/");
        String path = keyFile.substring("file:".length());
        String volume = volumeMountedAt("sink", path).orElseThrow(() -> new AssertionError("no volume holds " + path));
        assertThat(volumeMountedAt("odoo-apikey", path)).contains(volume);
        String script = Files.readString(Repo.path("deploy/compose/odoo/integration_user.py"));
        assertThat(script).contains("KEY_FILE = \"" + path + "\"");
        assertThat(settings("sink").value("odoo.username")).hasValueSatisfying(user -> assertThat(script).contains("LOGIN = \"" + user + "\""));
        assertThat(settings("sink").value("odoo.database")).hasValueSatisfying(db -> assertThat(compose.path("services")
                .path("odoo-init").path("command").toString()).contains("\"" + db + "\""));
    }

    @Test
    void theImageIsTheOneTheImageProfileBuilds() throws Exception {
        String tag = ImageTest.imageName();
        compose.path("services").fields().forEachRemaining(e -> {
            if (e.getValue().path("image").asText().startsWith("rigstream")) {
                assertThat(e.getValue().path("image").asText()).as(e.getKey()).isEqualTo(tag);
            }
        });
    }

    private static String hostPort(String uri) {
        URI parsed = URI.create(uri);
        return parsed.getHost() + ":" + parsed.getPort();
    }

    private static Set<String> dependsOn(String name) {
        Set<String> deps = new HashSet<>();
        compose.path("services").path(name).path("depends_on").fieldNames().forEachRemaining(deps::add);
        // topics waits for kafka on everyone's behalf
        if (deps.contains("topics")) {
            deps.addAll(dependsOn("topics"));
        }
        return deps;
    }

    /** The container ports a compose service listens on, from its own configuration. */
    private static Set<Integer> listeningPorts(String service) throws RuntimeException {
        JsonNode node = compose.path("services").path(service);
        Set<Integer> ports = new HashSet<>();
        Matcher m = Pattern.compile(":(\\d+)").matcher(node.path("environment").path("KAFKA_LISTENERS").asText()
                + "," + node.path("environment").path("SCHEMA_REGISTRY_LISTENERS").asText());
        while (m.find()) {
            ports.add(Integer.parseInt(m.group(1)));
        }
        if (node.path("image").asText().startsWith("eclipse-mosquitto")) {
            try {
                Matcher listener = Pattern.compile("(?m)^listener (\\d+)").matcher(
                        Files.readString(Repo.path("deploy/compose/mosquitto/mosquitto.conf")));
                while (listener.find()) {
                    ports.add(Integer.parseInt(listener.group(1)));
                }
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        if (node.path("image").asText().startsWith("odoo:")) {
            ports.add(8069); // the odoo image's HTTP port (odoo.conf http_port default)
        }
        return ports;
    }

    /** "service:containerPort" -> containerPort for every published port. */
    private static Map<String, String> publishedPorts() {
        Map<String, String> published = new TreeMap<>();
        compose.path("services").fields().forEachRemaining(e -> e.getValue().path("ports").forEach(p -> {
            String[] parts = p.asText().split(":");
            published.put(e.getKey() + ":" + parts[parts.length - 1], parts[parts.length - 1]);
        }));
        return published;
    }

    private static Optional<String> volumeMountedAt(String service, String file) {
        for (JsonNode v : compose.path("services").path(service).path("volumes")) {
            String[] parts = v.asText().split(":");
            if (file.startsWith(parts[1] + "/")) {
                return Optional.of(parts[0]);
            }
        }
        return Optional.empty();
    }
}
