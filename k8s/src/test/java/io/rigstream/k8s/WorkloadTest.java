package io.rigstream.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.rigstream.k8s.support.Overlay;
import io.rigstream.k8s.support.RigService;
import io.rigstream.k8s.support.ServiceSettings;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The rendered overlays hold together as Kubernetes will run them: selectors select, Services reach named ports,
 * budgets and autoscalers point at workloads, pods run as the restricted Pod Security Standard asks, and the network
 * policies let through what the services' configuration says they talk to.
 */
class WorkloadTest {

    static Stream<Arguments> overlayServices() {
        return Overlay.NAMES.stream().flatMap(o -> Stream.of(RigService.values()).map(s -> Arguments.of(o, s)));
    }

    static Stream<String> overlays() {
        return Overlay.NAMES.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void everyWorkloadsSelectorSelectsItsOwnPodsAndNoOthers(String name) {
        Overlay overlay = Overlay.render(name);
        Map<String, PodTemplateSpec> templates = overlay.podTemplates();
        assertThat(templates).containsOnlyKeys(Stream.of(RigService.values()).map(RigService::workload).toList());
        for (Deployment d : overlay.all(Deployment.class)) {
            assertSelects(name, "Deployment " + d.getMetadata().getName(), d.getSpec().getSelector(), templates, d.getMetadata().getName());
        }
        for (StatefulSet s : overlay.all(StatefulSet.class)) {
            assertSelects(name, "StatefulSet " + s.getMetadata().getName(), s.getSpec().getSelector(), templates, s.getMetadata().getName());
        }
        for (PodDisruptionBudget pdb : overlay.all(PodDisruptionBudget.class)) {
            assertSelects(name, "PodDisruptionBudget " + pdb.getMetadata().getName(), pdb.getSpec().getSelector(), templates,
                    pdb.getMetadata().getName());
        }
        for (NetworkPolicy policy : overlay.all(NetworkPolicy.class)) {
            assertSelects(name, "NetworkPolicy " + policy.getMetadata().getName(), policy.getSpec().getPodSelector(), templates,
                    policy.getMetadata().getName());
        }
    }

    private static void assertSelects(String overlay, String what, LabelSelector selector, Map<String, PodTemplateSpec> templates,
            String expectedWorkload) {
        assertThat(selector.getMatchExpressions()).as("%s: %s uses matchLabels only", overlay, what).isNullOrEmpty();
        Set<String> selected = new TreeSet<>();
        templates.forEach((workload, template) -> {
            if (matches(selector.getMatchLabels(), template.getMetadata().getLabels())) {
                selected.add(workload);
            }
        });
        assertThat(selected).as("%s: pods %s selects", overlay, what).containsExactly(expectedWorkload);
    }

    static boolean matches(Map<String, String> selector, Map<String, String> labels) {
        return selector != null && !selector.isEmpty() && labels != null && labels.entrySet().containsAll(selector.entrySet());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void everyServiceSelectsOneWorkloadAndTargetsANamedPortOfItsContainer(String name) {
        Overlay overlay = Overlay.render(name);
        for (Service service : overlay.all(Service.class)) {
            List<String> workloads = new ArrayList<>();
            overlay.podTemplates().forEach((workload, template) -> {
                if (matches(service.getSpec().getSelector(), template.getMetadata().getLabels())) {
                    workloads.add(workload);
                }
            });
            assertThat(workloads).as("%s: Service %s selects one workload", name, service.getMetadata().getName()).hasSize(1);
            PodTemplateSpec template = overlay.podTemplates().get(workloads.get(0));
            Set<String> portNames = new TreeSet<>();
            template.getSpec().getContainers().forEach(c -> c.getPorts().forEach(p -> portNames.add(p.getName())));
            for (ServicePort port : service.getSpec().getPorts()) {
                IntOrString target = port.getTargetPort();
                assertThat(target.getStrVal()).as("%s: Service %s targets a named port", name, service.getMetadata().getName())
                        .isNotNull().isIn(portNames);
                int containerPort = template.getSpec().getContainers().stream().flatMap(c -> c.getPorts().stream())
                        .filter(p -> p.getName().equals(target.getStrVal())).findFirst().orElseThrow().getContainerPort();
                assertThat(port.getPort()).as("%s: Service %s port = container port", name, service.getMetadata().getName())
                        .isEqualTo(containerPort);
            }
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("overlayServices")
    void podsRunAsTheRestrictedPodSecurityStandardAsks(String name, RigService service) {
        Overlay overlay = Overlay.render(name);
        PodSpec pod = overlay.podTemplate(service).getSpec();
        String what = name + "/" + service.workload();
        assertThat(pod.getSecurityContext().getRunAsNonRoot()).as(what).isTrue();
        assertThat(pod.getSecurityContext().getRunAsUser()).as(what).isPositive();
        assertThat(pod.getSecurityContext().getSeccompProfile().getType()).as(what).isEqualTo("RuntimeDefault");
        assertThat(pod.getAutomountServiceAccountToken()).as("%s: no API token", what).isFalse();
        assertThat(pod.getHostNetwork()).as(what).isNotEqualTo(Boolean.TRUE);
        assertThat(overlay.find(ServiceAccount.class, pod.getServiceAccountName())).as("%s: its ServiceAccount", what).isPresent();
        for (Container container : pod.getContainers()) {
            var sc = container.getSecurityContext();
            assertThat(sc.getAllowPrivilegeEscalation()).as(what).isFalse();
            assertThat(sc.getReadOnlyRootFilesystem()).as(what).isTrue();
            assertThat(sc.getPrivileged()).as(what).isNotEqualTo(Boolean.TRUE);
            assertThat(sc.getCapabilities().getDrop()).as(what).containsExactly("ALL");
            assertThat(sc.getCapabilities().getAdd()).as(what).isNullOrEmpty();
            assertThat(container.getCommand()).as("%s: the image's entrypoint runs the launcher; args choose the service", what)
                    .isNullOrEmpty();
            assertThat(container.getVolumeMounts()).as("%s: a writable /tmp on the read-only root", what)
                    .extracting(VolumeMount::getMountPath).contains("/tmp");
        }
    }

    /**
     * No mount inside another: kubelet rewrites ConfigMap and Secret volumes atomically on every update and does not
     * expect mount points inside them; every mount names a volume of the pod, and every volume is mounted.
     */
    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("overlayServices")
    void mountsAreSiblingsOfExistingVolumes(String name, RigService service) {
        Overlay overlay = Overlay.render(name);
        Container container = overlay.container(service);
        List<String> paths = container.getVolumeMounts().stream().map(VolumeMount::getMountPath).toList();
        for (String a : paths) {
            for (String b : paths) {
                assertThat(a.equals(b) || !b.startsWith(a.endsWith("/") ? a : a + "/")).as("%s %s: %s is inside %s", name, service, b, a)
                        .isTrue();
            }
        }
        Set<String> volumes = new TreeSet<>();
        overlay.podTemplate(service).getSpec().getVolumes().forEach(v -> volumes.add(v.getName()));
        Set<String> mounted = new TreeSet<>();
        container.getVolumeMounts().forEach(m -> mounted.add(m.getName()));
        if (overlay.podTemplate(service) != null && service == RigService.TOPOLOGY) {
            overlay.get(StatefulSet.class, service.workload()).getSpec().getVolumeClaimTemplates()
                    .forEach(c -> volumes.add(c.getMetadata().getName()));
        }
        assertThat(mounted).as("%s %s mounts", name, service).isEqualTo(volumes);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("overlayServices")
    void everyContainerHasRequestsAndLimitsAndALimitAboveItsRequest(String name, RigService service) {
        Container container = Overlay.render(name).container(service);
        var resources = container.getResources();
        for (String resource : List.of("cpu", "memory")) {
            Quantity request = resources.getRequests().get(resource);
            Quantity limit = resources.getLimits().get(resource);
            assertThat(request).as("%s %s %s request", name, service, resource).isNotNull();
            assertThat(limit).as("%s %s %s limit", name, service, resource).isNotNull();
            assertThat(Quantity.getAmountInBytes(limit)).as("%s %s %s", name, service, resource)
                    .isGreaterThanOrEqualTo(Quantity.getAmountInBytes(request));
        }
        assertThat(Quantity.getAmountInBytes(resources.getLimits().get("memory")).longValue())
                .as("%s %s: memory for a JVM", name, service).isGreaterThanOrEqualTo(512L * 1024 * 1024);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("overlayServices")
    void probesAskTheManagementPortsHealthEndpoints(String name, RigService service) {
        Container container = Overlay.render(name).container(service);
        assertProbe(container.getLivenessProbe(), "/health/live", name + " " + service + " liveness");
        assertProbe(container.getReadinessProbe(), "/health/ready", name + " " + service + " readiness");
        assertProbe(container.getStartupProbe(), "/health/live", name + " " + service + " startup");
        assertThat(container.getStartupProbe().getPeriodSeconds() * container.getStartupProbe().getFailureThreshold())
                .as("%s %s: the JVM gets time to start before liveness counts", name, service).isGreaterThanOrEqualTo(60);
    }

    private static void assertProbe(Probe probe, String path, String what) {
        assertThat(probe).as(what).isNotNull();
        HTTPGetAction get = probe.getHttpGet();
        assertThat(get).as("%s is an HTTP GET", what).isNotNull();
        assertThat(get.getPath()).as(what).isEqualTo(path);
        assertThat(get.getPort().getStrVal()).as(what).isEqualTo("management");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void theBridgeRunsAtLeastTwoReplicasOutsideDevWithABudgetAndCpuAutoscaling(String name) {
        Overlay overlay = Overlay.render(name);
        Deployment ingest = overlay.get(Deployment.class, "rigstream-ingest");
        HorizontalPodAutoscaler hpa = overlay.get(HorizontalPodAutoscaler.class, "rigstream-ingest");
        assertThat(hpa.getSpec().getScaleTargetRef().getKind()).isEqualTo("Deployment");
        assertThat(hpa.getSpec().getScaleTargetRef().getName()).isEqualTo("rigstream-ingest");
        assertThat(hpa.getSpec().getMetrics()).singleElement().satisfies(m -> {
            assertThat(m.getResource().getName()).isEqualTo("cpu");
            assertThat(m.getResource().getTarget().getType()).isEqualTo("Utilization");
        });
        assertThat(hpa.getSpec().getMaxReplicas()).isGreaterThanOrEqualTo(hpa.getSpec().getMinReplicas());
        assertThat(ingest.getSpec().getReplicas()).as("the autoscaler owns the replica count").isNull();
        assertThat(overlay.container(RigService.INGEST).getResources().getRequests()).as("HPA needs a CPU request").containsKey("cpu");
        PodDisruptionBudget pdb = overlay.get(PodDisruptionBudget.class, "rigstream-ingest");
        assertThat(pdb.getSpec().getMaxUnavailable().getIntVal()).isEqualTo(1);
        assertThat(ingest.getSpec().getStrategy().getRollingUpdate().getMaxUnavailable().getIntVal()).isZero();
        if (!name.equals("dev")) {
            assertThat(hpa.getSpec().getMinReplicas()).as("at least two bridges").isGreaterThanOrEqualTo(2);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void theTopologyKeepsItsStateOnAVolumeUnderAHeadlessServiceWithStandbysSpreadAndTimeToClose(String name) {
        Overlay overlay = Overlay.render(name);
        StatefulSet topology = overlay.get(StatefulSet.class, "rigstream-topology");
        ServiceSettings settings = overlay.settings(RigService.TOPOLOGY);
        String stateDir = settings.value("topology.state-dir").orElseThrow();
        var claim = topology.getSpec().getVolumeClaimTemplates();
        assertThat(claim).singleElement().satisfies(c -> assertThat(c.getSpec().getAccessModes()).containsExactly("ReadWriteOnce"));
        assertThat(overlay.container(RigService.TOPOLOGY).getVolumeMounts())
                .anySatisfy(m -> {
                    assertThat(m.getName()).isEqualTo(claim.get(0).getMetadata().getName());
                    assertThat(m.getMountPath()).isEqualTo(stateDir);
                });
        Service headless = overlay.get(Service.class, topology.getSpec().getServiceName());
        assertThat(headless.getSpec().getClusterIP()).isEqualTo("None");
        assertThat(headless.getSpec().getPublishNotReadyAddresses()).isTrue();
        assertThat(topology.getSpec().getPodManagementPolicy()).isEqualTo("Parallel");
        assertThat(topology.getSpec().getTemplate().getSpec().getTerminationGracePeriodSeconds()).isGreaterThanOrEqualTo(120L);
        assertThat(topology.getSpec().getTemplate().getSpec().getSecurityContext().getFsGroup()).as("the volume is writable").isNotNull();
        var antiAffinity = topology.getSpec().getTemplate().getSpec().getAffinity().getPodAntiAffinity();
        assertThat(antiAffinity.getPreferredDuringSchedulingIgnoredDuringExecution())
                .anySatisfy(t -> assertThat(t.getPodAffinityTerm().getTopologyKey()).isEqualTo("kubernetes.io/hostname"));
        int standbys = Integer.parseInt(settings.value("topology.standby-replicas").orElseThrow());
        if (topology.getSpec().getReplicas() > 1) {
            assertThat(standbys).as("%s: a standby for each task", name).isPositive();
            assertThat(overlay.get(PodDisruptionBudget.class, "rigstream-topology").getSpec().getMaxUnavailable().getIntVal())
                    .isLessThanOrEqualTo(standbys);
        }
        assertThat(standbys).as("%s: standbys need other instances", name).isLessThan(topology.getSpec().getReplicas());
    }

    /** Heap (a share of the limit, from JAVA_TOOL_OPTIONS) plus RocksDB's bounded off-heap memory leave room below the limit. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void theTopologysHeapAndRocksDbFitItsMemoryLimitWithRoomToSpare(String name) {
        Overlay overlay = Overlay.render(name);
        Container container = overlay.container(RigService.TOPOLOGY);
        long limit = Quantity.getAmountInBytes(container.getResources().getLimits().get("memory")).longValue();
        String options = overlay.environment(RigService.TOPOLOGY).get("JAVA_TOOL_OPTIONS");
        var percent = java.util.regex.Pattern.compile("-XX:MaxRAMPercentage=(\\d+)").matcher(options);
        assertThat(percent.find()).as("%s: the heap is a share of the limit", name).isTrue();
        long heap = limit * Long.parseLong(percent.group(1)) / 100;
        long rocksdb = Long.parseLong(overlay.settings(RigService.TOPOLOGY).value("topology.rocksdb.memory-bytes").orElseThrow());
        assertThat(heap + rocksdb).as("%s: heap %d + RocksDB %d of limit %d", name, heap, rocksdb, limit)
                .isLessThanOrEqualTo(limit * 85 / 100);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void onlyTheSinkMountsTheOdooKey(String name) {
        Overlay overlay = Overlay.render(name);
        assertThat(overlay.secretReferences().get("rigstream-odoo")).containsExactly("rigstream-sink");
        assertThat(overlay.settings(RigService.SINK).value("odoo.api-key")).hasValueSatisfying(v -> assertThat(v).startsWith("file:/"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("overlayServices")
    void theNetworkPolicyLetsInOnlyTheManagementPortAndLetsOutWhatTheConfigurationTalksTo(String name, RigService service) {
        Overlay overlay = Overlay.render(name);
        NetworkPolicy policy = overlay.get(NetworkPolicy.class, service.workload());
        assertThat(policy.getSpec().getPolicyTypes()).containsExactlyInAnyOrder("Ingress", "Egress");
        assertThat(policy.getSpec().getIngress()).allSatisfy(rule -> assertThat(rule.getPorts())
                .extracting(p -> p.getPort().getStrVal()).containsOnly("management"));
        ServiceSettings settings = overlay.settings(service);
        List<Integer> needed = new ArrayList<>(List.of(53));
        for (String server : settings.value("kafka.bootstrap.servers").orElseThrow().split(",")) {
            needed.add(Integer.parseInt(server.substring(server.lastIndexOf(':') + 1).trim()));
        }
        needed.add(port(settings.value("schema.registry.url").orElseThrow()));
        settings.value("mqtt.server-uris").ifPresent(uris -> {
            for (String uri : uris.split(",")) {
                needed.add(port(uri.trim()));
            }
        });
        settings.value("odoo.url").filter(u -> !u.isBlank()).ifPresent(u -> needed.add(port(u)));
        Set<Integer> allowed = new TreeSet<>();
        for (NetworkPolicyEgressRule rule : policy.getSpec().getEgress()) {
            for (NetworkPolicyPort port : rule.getPorts()) {
                if (port.getPort().getIntVal() != null && (rule.getTo() == null || rule.getTo().isEmpty())) {
                    allowed.add(port.getPort().getIntVal());
                }
            }
        }
        assertThat(allowed).as("%s/%s egress ports for its endpoints", name, service.workload()).containsAll(needed);
    }

    private static int port(String uri) {
        URI parsed = URI.create(uri);
        if (parsed.getPort() > 0) {
            return parsed.getPort();
        }
        return switch (parsed.getScheme()) {
            case "https" -> 443;
            case "http" -> 80;
            case "ssl" -> 8883;
            case "tcp" -> 1883;
            default -> throw new AssertionError("no default port for " + uri);
        };
    }
}
