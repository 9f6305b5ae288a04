package io.rigstream.k8s.support;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.rigstream.ingest.metrics.MicrometerIngestMetrics;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.metrics.KafkaMetric;
import org.apache.kafka.common.metrics.Measurable;
import org.apache.kafka.common.metrics.MetricConfig;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;

/**
 * The Prometheus metric names rigstream exposes, found by running the code that registers them and scraping the
 * registry, with the label names each carries: each service's Micrometer metrics class, every method called, and
 * Kafka Streams' own metrics as Micrometer's binder names them.
 */
public final class KnownMetrics {

    /** Metrics of other exporters the alerts rely on, with where they come from (documented in docs/deployment.md). */
    public static final Map<String, String> EXTERNAL = Map.of(
            "kafka_consumergroup_lag", "Kafka Exporter",
            "kube_pod_status_ready", "kube-state-metrics",
            "up", "Prometheus");

    private final Map<String, Set<String>> labels = new TreeMap<>();

    private KnownMetrics() {
    }

    public static KnownMetrics collect() throws Exception {
        KnownMetrics known = new KnownMetrics();
        known.ingest();
        known.service(io.rigstream.topology.metrics.MicrometerTopologyMetrics.class);
        known.service(io.rigstream.odoo.sink.metrics.MicrometerSinkMetrics.class);
        known.kafkaStreams();
        return known;
    }

    public Map<String, Set<String>> labels() {
        return labels;
    }

    /** The scraped family a sample name belongs to, e.g. rigstream_x_seconds_count belongs to rigstream_x_seconds. */
    public Optional<String> family(String sample) {
        if (labels.containsKey(sample)) {
            return Optional.of(sample);
        }
        for (String suffix : List.of("_count", "_sum", "_max", "_bucket", "_total")) {
            if (sample.endsWith(suffix) && labels.containsKey(sample.substring(0, sample.length() - suffix.length()))) {
                return Optional.of(sample.substring(0, sample.length() - suffix.length()));
            }
        }
        return Optional.empty();
    }

    private void ingest() {
        PrometheusMeterRegistry registry = registry();
        MicrometerIngestMetrics metrics = new MicrometerIngestMetrics(registry, () -> 3);
        metrics.messageReceived(100);
        metrics.readingForwarded();
        metrics.readingRejected("INVALID_JSON");
        metrics.kafkaSendLatency(1_000_000);
        metrics.mqttAckLatency(1_000_000);
        metrics.kafkaSendFailed();
        metrics.reconnected();
        scrape(registry);
    }

    /** Constructs a service's Micrometer metrics class on a registry and calls each of its methods once. */
    private void service(Class<?> type) throws Exception {
        PrometheusMeterRegistry registry = registry();
        Constructor<?> constructor = type.getConstructor(MeterRegistry.class);
        Object metrics = constructor.newInstance(registry);
        for (Class<?> contract : type.getInterfaces()) {
            for (Method method : contract.getMethods()) {
                if (method.isDefault() || java.lang.reflect.Modifier.isStatic(method.getModifiers())) {
                    continue;
                }
                for (Object[] args : sampleArguments(method)) {
                    method.invoke(metrics, args);
                }
            }
        }
        scrape(registry);
    }

    /** One call per enum constant of the first enum parameter; plain sample values otherwise. */
    private static List<Object[]> sampleArguments(Method method) {
        Class<?>[] types = method.getParameterTypes();
        int enumIndex = -1;
        for (int i = 0; i < types.length; i++) {
            if (types[i].isEnum()) {
                enumIndex = i;
                break;
            }
        }
        List<Object> variants = enumIndex < 0 ? List.of("") : List.of(types[enumIndex].getEnumConstants());
        java.util.ArrayList<Object[]> calls = new java.util.ArrayList<>();
        for (Object variant : variants) {
            Object[] args = new Object[types.length];
            for (int i = 0; i < types.length; i++) {
                args[i] = i == enumIndex ? variant : sample(types[i]);
            }
            calls.add(args);
        }
        return calls;
    }

    private static Object sample(Class<?> type) {
        if (type == String.class) {
            return "ok";
        } else if (type == int.class || type == Integer.class) {
            return 1;
        } else if (type == long.class || type == Long.class) {
            return 1L;
        } else if (type == double.class || type == Double.class) {
            return 1.0;
        } else if (type == boolean.class || type == Boolean.class) {
            return false;
        } else if (type == Duration.class) {
            return Duration.ofMillis(5);
        } else if (type.isEnum()) {
            return type.getEnumConstants()[0];
        }
        throw new IllegalArgumentException("no sample value for " + type);
    }

    /** Kafka Streams' own metrics as Micrometer's binder names them, from a real (unstarted) KafkaStreams. */
    private void kafkaStreams() throws Exception {
        PrometheusMeterRegistry registry = registry();
        Path stateDir = Files.createTempDirectory("streams-state");
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "metric-names");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:1");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream("in").to("out");
        try (KafkaStreams streams = new KafkaStreams(builder.build(), props);
                KafkaStreamsMetrics binder = new KafkaStreamsMetrics(streams)) {
            binder.bindTo(registry);
            scrape(registry);
        }
        // Task-level metrics exist only once tasks run; Micrometer names them by the same rule, shown on a stand-in.
        PrometheusMeterRegistry taskRegistry = registry();
        MetricName restore = new MetricName("restore-remaining-records-total", "stream-task-metrics", "",
                Map.of("thread-id", "t", "task-id", "0_0"));
        Measurable value = (config, now) -> 0.0;
        Map<MetricName, KafkaMetric> metrics = Map.of(restore,
                new KafkaMetric(new Object(), restore, value, new MetricConfig(), Time.SYSTEM));
        Consumer<?, ?> consumer = (Consumer<?, ?>) Proxy.newProxyInstance(Consumer.class.getClassLoader(), new Class<?>[] {Consumer.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "metrics" -> metrics;
                    case "hashCode" -> 1;
                    case "equals" -> proxy == args[0];
                    case "toString" -> "stand-in consumer";
                    default -> null;
                });
        try (KafkaClientMetrics binder = new KafkaClientMetrics(consumer)) {
            binder.bindTo(taskRegistry);
            scrape(taskRegistry);
        }
    }

    private static PrometheusMeterRegistry registry() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        registry.config().commonTags("service", "example");
        return registry;
    }

    private void scrape(PrometheusMeterRegistry registry) {
        for (String line : registry.scrape().split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int brace = line.indexOf('{');
            int space = line.indexOf(' ');
            String name = line.substring(0, brace > 0 && brace < space ? brace : space);
            Set<String> names = labels.computeIfAbsent(name, n -> new TreeSet<>());
            if (brace > 0 && brace < space) {
                String inside = line.substring(brace + 1, line.lastIndexOf('}'));
                for (String pair : inside.split(",(?=[a-zA-Z_]+=\")")) {
                    names.add(pair.substring(0, pair.indexOf('=')));
                }
            }
        }
    }
}
