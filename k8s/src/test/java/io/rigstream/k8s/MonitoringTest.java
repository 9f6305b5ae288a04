package io.rigstream.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.openshift.api.model.monitoring.v1.PrometheusRule;
import io.fabric8.openshift.api.model.monitoring.v1.Rule;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import io.rigstream.k8s.support.KnownMetrics;
import io.rigstream.k8s.support.Overlay;
import io.rigstream.k8s.support.Repo;
import io.rigstream.k8s.support.Yaml;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The alert rules and the dashboard ask for metrics the code exposes, with labels it sets; the ServiceMonitor scrapes
 * each service once; and the alerts the issue asks for are there.
 */
class MonitoringTest {

    private static final Pattern METRIC = Pattern.compile("\\b((?:rigstream|kafka|kube)_[a-z0-9_]+|up)\\b");
    private static final Pattern SELECTOR = Pattern.compile("\\b([a-z][a-z0-9_]*)\\{([^}]*)}");
    /** Labels Prometheus adds from the scrape target, not from the metric. */
    private static final Set<String> TARGET_LABELS = Set.of("namespace", "pod", "job", "service", "instance", "endpoint",
            "container", "quantile", "le");

    private static KnownMetrics known;
    private static Overlay production;
    private static Map<String, String> expressions;

    @BeforeAll
    static void collect() throws Exception {
        known = KnownMetrics.collect();
        production = Overlay.render("production");
        expressions = new LinkedHashMap<>();
        for (PrometheusRule rule : production.all(PrometheusRule.class)) {
            rule.getSpec().getGroups().forEach(g -> g.getRules().forEach(r -> expressions.put("alert " + r.getAlert(),
                    r.getExpr().getStrVal())));
        }
        JsonNode dashboard = Yaml.json(Repo.k8s().resolve("components/monitoring/grafana/rigstream.json"));
        for (JsonNode panel : dashboard.path("panels")) {
            for (JsonNode target : panel.path("targets")) {
                expressions.put("panel '" + panel.path("title").asText() + "' " + target.path("refId").asText(),
                        target.path("expr").asText());
            }
        }
    }

    private static String withoutStrings(String expr) {
        return expr.replaceAll("\"[^\"]*\"", "\"\"");
    }

    @Test
    void everyMetricAnExpressionNamesIsOneTheCodeOrADocumentedExporterExposes() {
        List<String> unknown = new ArrayList<>();
        for (Map.Entry<String, String> e : expressions.entrySet()) {
            Matcher m = METRIC.matcher(withoutStrings(e.getValue()));
            while (m.find()) {
                String metric = m.group(1);
                if (KnownMetrics.EXTERNAL.containsKey(metric)) {
                    continue;
                }
                if (known.family(metric).isEmpty()) {
                    unknown.add(e.getKey() + ": " + metric);
                }
            }
        }
        assertThat(unknown).as("metrics no code registers").isEmpty();
    }

    @Test
    void everyLabelAnExpressionSelectsOnIsOneTheMetricCarries() {
        List<String> wrong = new ArrayList<>();
        for (Map.Entry<String, String> e : expressions.entrySet()) {
            Matcher m = SELECTOR.matcher(e.getValue());
            while (m.find()) {
                String metric = m.group(1);
                var family = known.family(metric);
                if (family.isEmpty()) {
                    continue;
                }
                for (String matcher : m.group(2).split(",")) {
                    String label = matcher.trim().split("[=!~]")[0].trim();
                    if (!label.isEmpty() && !TARGET_LABELS.contains(label) && !known.labels().get(family.get()).contains(label)) {
                        wrong.add(e.getKey() + ": " + metric + " has no label " + label + " (it has " + known.labels().get(family.get()) + ")");
                    }
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void theExternalExportersTheAlertsNeedAreDocumented() throws Exception {
        String docs = Files.readString(Repo.path("docs/deployment.md"));
        KnownMetrics.EXTERNAL.values().forEach(exporter -> assertThat(docs).contains(exporter));
    }

    @Test
    void theAlertsTheIssueAsksForAreThereEachWithSeverityAndWords() {
        List<Rule> rules = new ArrayList<>();
        production.all(PrometheusRule.class).forEach(r -> r.getSpec().getGroups().forEach(g -> rules.addAll(g.getRules())));
        String all = String.join("\n", rules.stream().map(r -> r.getExpr().getStrVal()).toList());
        assertThat(all).as("consumer lag").contains("kafka_consumergroup_lag")
                .as("dead-letter rate").contains("rigstream_odoo_sink_records_total{outcome=\"dead-lettered\"}")
                .contains("rigstream_ingest_readings_rejected_total").contains("rigstream_topology_dead_letters_total")
                .as("Odoo error rate").contains("rigstream_odoo_sink_calls_seconds_count{outcome!=\"ok\"}")
                .as("bridge not ready").contains("kube_pod_status_ready{condition=\"true\", pod=~\"rigstream-ingest-.*\"}")
                .as("Streams not RUNNING").contains("kube_pod_status_ready{condition=\"true\", pod=~\"rigstream-topology-[0-9]+\"}")
                .as("state restore").contains("kafka_stream_task_restore_remaining_records_total");
        Set<String> names = new HashSet<>();
        for (Rule rule : rules) {
            assertThat(names.add(rule.getAlert())).as("alert names are unique").isTrue();
            assertThat(rule.getLabels()).as(rule.getAlert()).containsKey("severity");
            assertThat(rule.getLabels().get("severity")).isIn("critical", "warning", "info");
            assertThat(rule.getAnnotations()).as(rule.getAlert()).containsKeys("summary", "description");
            assertThat(rule.getFor()).as(rule.getAlert()).isNotBlank();
            assertThat(balanced(rule.getExpr().getStrVal())).as(rule.getAlert()).isTrue();
        }
    }

    @Test
    void theLagAlertsWatchTheConsumerGroupsTheServicesUse() {
        String all = String.join("\n", expressions.values());
        assertThat(all).contains("consumergroup=\"rigstream-odoo-sink\"").contains("consumergroup=\"rigstream-topology\"");
        String sinkGroup = io.rigstream.k8s.support.RigService.SINK.definition().configKeys().containsKey("odoo.group-id")
                ? String.valueOf(io.rigstream.k8s.support.RigService.SINK.definition().configKeys().get("odoo.group-id").defaultValue)
                : "rigstream-odoo-sink";
        assertThat(sinkGroup).isEqualTo("rigstream-odoo-sink");
    }

    @Test
    void theServiceMonitorScrapesEachServiceOnceOnItsManagementPort() {
        ServiceMonitor monitor = production.all(ServiceMonitor.class).get(0);
        List<String> selected = new ArrayList<>();
        for (Service service : production.all(Service.class)) {
            if (WorkloadTest.matches(monitor.getSpec().getSelector().getMatchLabels(), service.getMetadata().getLabels())) {
                selected.add(service.getMetadata().getName());
                assertThat(service.getSpec().getPorts()).extracting(p -> p.getName()).contains("management");
            }
        }
        assertThat(selected).containsExactlyInAnyOrder("rigstream-ingest", "rigstream-topology", "rigstream-sink");
        assertThat(monitor.getSpec().getEndpoints()).singleElement().satisfies(e -> {
            assertThat(e.getPort()).isEqualTo("management");
            assertThat(e.getPath()).isEqualTo("/metrics");
        });
    }

    @Test
    void theDashboardShowsEveryStageAndIsPortable() {
        JsonNode dashboard = Yaml.json(Repo.k8s().resolve("components/monitoring/grafana/rigstream.json"));
        List<String> rows = new ArrayList<>();
        Set<Integer> ids = new HashSet<>();
        for (JsonNode panel : dashboard.path("panels")) {
            assertThat(ids.add(panel.path("id").asInt())).as("unique panel ids").isTrue();
            if (panel.path("type").asText().equals("row")) {
                rows.add(panel.path("title").asText());
            } else {
                assertThat(panel.path("datasource").path("uid").asText()).isEqualTo("${datasource}");
                assertThat(panel.path("targets")).isNotEmpty();
            }
        }
        assertThat(rows).containsExactly("Throughput per stage", "Lag", "Latency", "Dead letters", "Odoo calls");
        assertThat(dashboard.path("uid").asText()).isNotBlank();
        assertThat(production.configMapData("rigstream-grafana-dashboard")).hasValueSatisfying(data ->
                assertThat(data).containsKey("rigstream.json"));
    }

    private static boolean balanced(String expr) {
        int depth = 0;
        for (char c : withoutStrings(expr).toCharArray()) {
            depth += c == '(' || c == '{' || c == '[' ? 1 : c == ')' || c == '}' || c == ']' ? -1 : 0;
            if (depth < 0) {
                return false;
            }
        }
        return depth == 0;
    }
}
