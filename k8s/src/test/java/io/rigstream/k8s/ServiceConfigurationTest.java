package io.rigstream.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.fabric8.kubernetes.api.model.ContainerPort;
import io.rigstream.k8s.support.Overlay;
import io.rigstream.k8s.support.RigService;
import io.rigstream.k8s.support.ServiceSettings;
import io.rigstream.runtime.config.CommonConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every setting a manifest gives a service (properties file, RIGSTREAM_* variables, -D flags) is a key that service
 * declares, every required key is set, and the service's own parser and loader accept the result.
 */
class ServiceConfigurationTest {

    @TempDir
    Path scratch;

    static Stream<Arguments> overlayServices() {
        return Overlay.NAMES.stream().flatMap(o -> Stream.of(RigService.values()).map(s -> Arguments.of(o, s)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("overlayServices")
    void everySettingIsAKeyTheServiceAcceptsAndEveryRequiredKeyIsSet(String overlay, RigService service) {
        ServiceSettings settings = Overlay.render(overlay).settings(service);
        assertThat(settings.problems()).isEmpty();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("overlayServices")
    void theLaunchersCommandLineAcceptsTheContainersArguments(String overlay, RigService service) {
        var args = Overlay.render(overlay).container(service).getArgs();
        var parsed = new picocli.CommandLine(new io.rigstream.launcher.RigstreamCommand()).parseArgs(args.toArray(String[]::new));
        assertThat(parsed.subcommand().commandSpec().name()).isEqualTo(service.command());
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("overlayServices")
    void theServicesOwnParserAndLoaderAcceptTheSettings(String overlay, RigService service) {
        ServiceSettings settings = Overlay.render(overlay).settings(service);
        settings.parse(scratch);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("overlayServices")
    void theManagementPortTheServiceOpensIsTheContainersManagementPort(String overlay, RigService service) {
        Overlay rendered = Overlay.render(overlay);
        ServiceSettings settings = rendered.settings(service);
        List<ContainerPort> ports = rendered.container(service).getPorts();
        assertThat(ports).extracting(ContainerPort::getName).contains("management");
        int containerPort = ports.stream().filter(p -> "management".equals(p.getName())).findFirst().orElseThrow().getContainerPort();
        assertThat(settings.value(CommonConfig.MANAGEMENT_PORT)).as("%s management.port", settings).contains(Integer.toString(containerPort));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("overlayServices")
    void secretsAreReadFromMountedSecretFilesThatHoldTheKey(String overlay, RigService service) {
        Overlay rendered = Overlay.render(overlay);
        ServiceSettings settings = rendered.settings(service);
        settings.secretFiles().forEach((key, path) -> {
            var mounted = rendered.mountedFile(service, path).orElseThrow(() -> new AssertionError(
                    settings + ": " + key + " reads " + path + ", which no volume provides"));
            assertThat(mounted.volume().getSecret()).as("%s: %s must come from a Secret volume", settings, path).isNotNull();
            String secret = mounted.volume().getSecret().getSecretName();
            String secretKey = Overlay.keyOf(mounted.volume(), mounted.fileName()).orElseThrow(() -> new AssertionError(
                    settings + ": the volume of Secret " + secret + " does not project " + mounted.fileName()));
            rendered.secretData(secret).ifPresent(data -> assertThat(data).as("%s: Secret %s", settings, secret).containsKey(secretKey));
        });
        // Every PASSWORD key that is set comes from a file or a Secret, never from a literal in a manifest, except in dev.
        if (!overlay.equals("dev")) {
            var definition = service.definition();
            settings.effective().forEach((key, value) -> {
                var def = definition.configKeys().get(key);
                boolean secretKey = (def != null && def.type == org.apache.kafka.common.config.ConfigDef.Type.PASSWORD)
                        || key.endsWith("sasl.jaas.config") || key.endsWith(".password");
                if (secretKey && !value.isEmpty()) {
                    assertThat(value).as("%s: secret %s must come from a Secret", settings, key)
                            .matches("(file:/.*|secret:.*)");
                }
            });
        }
    }

    @Test
    void theIngestClientIdIsThePodName() {
        for (String overlay : Overlay.NAMES) {
            Overlay rendered = Overlay.render(overlay);
            var env = rendered.container(RigService.INGEST).getEnv();
            var clientId = env.stream().filter(e -> e.getName().equals("RIGSTREAM_MQTT_CLIENT_ID")).findFirst().orElseThrow();
            assertThat(clientId.getValue()).isEqualTo("$(POD_NAME)");
            var podName = env.stream().filter(e -> e.getName().equals("POD_NAME")).findFirst().orElseThrow();
            assertThat(podName.getValueFrom().getFieldRef().getFieldPath()).isEqualTo("metadata.name");
            assertThat(rendered.settings(RigService.INGEST).value("mqtt.shared-subscription-group"))
                    .as("%s: replicas share one MQTT subscription", overlay).hasValueSatisfying(g -> assertThat(g).isNotBlank());
        }
    }

    @Test
    void theTopologyAdvertisesItsStableDnsNameOnTheManagementPort() {
        for (String overlay : Overlay.NAMES) {
            Overlay rendered = Overlay.render(overlay);
            ServiceSettings settings = rendered.settings(RigService.TOPOLOGY);
            var statefulSet = rendered.get(io.fabric8.kubernetes.api.model.apps.StatefulSet.class, "rigstream-topology");
            String namespace = statefulSet.getMetadata().getNamespace();
            assertThat(settings.value("topology.advertised-host")).as(overlay)
                    .contains("rigstream-topology-0." + statefulSet.getSpec().getServiceName() + "." + namespace + ".svc");
            // what the service advertises as application.server: that host and its management port
            var streams = io.rigstream.topology.service.TopologySettings.streamsProperties(settings.parse(scratch),
                    io.rigstream.runtime.config.CommonConfig.from(settings.parse(scratch)),
                    Integer.parseInt(settings.value(CommonConfig.MANAGEMENT_PORT).orElseThrow()));
            assertThat(streams.getProperty(org.apache.kafka.streams.StreamsConfig.APPLICATION_SERVER_CONFIG)).as(overlay)
                    .isEqualTo(settings.value("topology.advertised-host").orElseThrow() + ":"
                            + rendered.container(RigService.TOPOLOGY).getPorts().get(0).getContainerPort());
        }
    }

    @Test
    void theSinksRateShareMatchesItsReplicas() {
        for (String overlay : Overlay.NAMES) {
            Overlay rendered = Overlay.render(overlay);
            ServiceSettings settings = rendered.settings(RigService.SINK);
            int replicas = rendered.get(io.fabric8.kubernetes.api.model.apps.Deployment.class, "rigstream-sink").getSpec().getReplicas();
            assertThat(settings.value("odoo.rate.replicas")).as("%s: odoo.rate.replicas", overlay).contains(Integer.toString(replicas));
            var strategy = rendered.get(io.fabric8.kubernetes.api.model.apps.Deployment.class, "rigstream-sink").getSpec().getStrategy();
            assertThat(strategy.getRollingUpdate().getMaxSurge().getIntVal()).as("%s: no surge above the rate share", overlay).isZero();
        }
    }

    @ParameterizedTest
    @EnumSource(RigService.class)
    void theCheckCatchesAMisspeltVariableAnUnknownKeyAndABadKafkaSetting(RigService service) {
        ServiceSettings good = Overlay.render("production").settings(service);
        Map<String, String> env = new java.util.HashMap<>(good.environment());
        env.put("RIGSTREAM_KAFKA_BOOTSTRAP_SERVER", "typo:9092");
        env.put("RIGSTREAM_KAFKA_COMMON_SASL_MECHANISMS", "PLAIN");
        Map<String, String> props = new java.util.HashMap<>(good.properties());
        props.put("management.prot", "1");
        ServiceSettings bad = new ServiceSettings("bad", service, good.args(), props, env, good.overrides());
        assertThat(bad.problems()).anyMatch(p -> p.contains("'sasl.mechanisms' is not a setting"))
                .anyMatch(p -> p.contains("RIGSTREAM_KAFKA_BOOTSTRAP_SERVER sets nothing"))
                .anyMatch(p -> p.contains("'management.prot' is not a " + service.command() + " configuration key"));
    }

    @Test
    void theCheckCatchesAMissingRequiredKey() {
        ServiceSettings good = Overlay.render("dev").settings(RigService.INGEST);
        Map<String, String> props = new java.util.HashMap<>(good.properties());
        props.remove("schema.registry.url");
        Map<String, String> env = new java.util.HashMap<>(good.environment());
        env.remove("RIGSTREAM_SCHEMA_REGISTRY_URL");
        ServiceSettings bad = new ServiceSettings("bad", RigService.INGEST, good.args(), props, env, good.overrides());
        assertThat(bad.problems()).anyMatch(p -> p.contains("required key 'schema.registry.url'"));
        assertThatThrownBy(() -> bad.parse(scratch)).isInstanceOf(ConfigException.class);
    }

    @Test
    void theDefinitionsCheckedAreTheOnesTheLauncherParsesWith() {
        var launcher = io.rigstream.launcher.LauncherDefinitions.all();
        assertThat(launcher).containsOnlyKeys("ingest", "topology", "sink");
        for (RigService service : RigService.values()) {
            assertThat(service.definition().names()).as(service.command())
                    .isEqualTo(launcher.get(service.command()).names());
        }
        assertThat(RigService.TOPOLOGY.definition().configKeys().get(CommonConfig.MANAGEMENT_PORT).defaultValue)
                .isEqualTo(io.rigstream.launcher.LauncherDefinitions.topologyManagementPort());
    }
}
