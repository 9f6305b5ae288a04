package io.rigstream.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.rigstream.k8s.support.Overlay;
import io.rigstream.k8s.support.RigService;
import io.rigstream.runtime.management.HealthRegistry;
import io.rigstream.runtime.management.ManagementServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What the manifests ask of the management port, asked of the real management server: every probe path, the
 * ServiceMonitor's path and the scrape annotations' path are routes it serves (200 or 503, never 404).
 */
class ManagementEndpointsTest {

    private static ManagementServer server;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void startTheManagementServer() throws Exception {
        HealthRegistry health = new HealthRegistry();
        health.readiness("example", () -> HealthRegistry.Check.down("not ready, as a rebalancing service would be"));
        server = ManagementServer.start("127.0.0.1", 0, health, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), Map.of());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static int status(String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .timeout(Duration.ofSeconds(5)).GET().build();
        return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void everyPathTheManifestsAskIsServedByTheManagementServer() throws Exception {
        Set<String> paths = new TreeSet<>();
        for (String name : Overlay.NAMES) {
            Overlay overlay = Overlay.render(name);
            for (RigService service : RigService.values()) {
                Container container = overlay.container(service);
                for (Probe probe : new Probe[] {container.getLivenessProbe(), container.getReadinessProbe(), container.getStartupProbe()}) {
                    paths.add(probe.getHttpGet().getPath());
                }
                Map<String, String> annotations = overlay.podTemplate(service).getMetadata().getAnnotations();
                paths.add(annotations.get("prometheus.io/path"));
                int managementPort = container.getPorts().stream().filter(p -> "management".equals(p.getName())).findFirst()
                        .orElseThrow().getContainerPort();
                assertThat(annotations).as("%s %s scrape annotations", name, service)
                        .containsEntry("prometheus.io/scrape", "true")
                        .containsEntry("prometheus.io/port", Integer.toString(managementPort));
            }
            overlay.all(ServiceMonitor.class).forEach(monitor -> monitor.getSpec().getEndpoints().forEach(e -> paths.add(e.getPath())));
        }
        assertThat(paths).containsExactlyInAnyOrder("/health/live", "/health/ready", "/metrics");
        for (String path : paths) {
            assertThat(status(path)).as("GET %s", path).isIn(200, 503);
        }
    }

    @Test
    void livenessAndReadinessAreApartAsTheProbesAssume() throws Exception {
        assertThat(status("/health/live")).isEqualTo(200);
        assertThat(status("/health/ready")).isEqualTo(503);
        assertThat(status("/health/nothing")).isEqualTo(404);
    }
}
