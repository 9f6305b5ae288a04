package io.rigstream.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.rigstream.ingest.IngestService;
import io.rigstream.ingest.config.IngestConfig;
import io.rigstream.k8s.support.Overlay;
import io.rigstream.k8s.support.RigService;
import io.rigstream.k8s.support.ServiceSettings;
import io.rigstream.runtime.config.CommonConfig;
import io.rigstream.runtime.config.ConfigInput;
import io.rigstream.runtime.config.ConfigSources;
import io.rigstream.runtime.management.HealthRegistry;
import io.rigstream.schemas.TelemetryReading;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.common.config.ConfigDef;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.slf4j.LoggerFactory;

/**
 * Secrets never reach a log line, an exception message, the metrics or a configuration's printed form. Every secret
 * key a service declares (its PASSWORD keys), and Kafka's sasl.jaas.config, is set to a recognisable value, given
 * inline and as file:/path, and then the service's configuration is parsed and loaded as at start-up (logging its
 * effective configuration), configuration errors are provoked, and for the bridge the whole service is built.
 */
class SecretsStayHiddenTest {

    private static final String CANARY = "Cn4ry-s3cret-";

    @TempDir
    Path scratch;

    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private Logger root;
    private Level rootLevel;
    private final Map<String, Level> levels = new HashMap<>();

    @BeforeEach
    void captureEveryLogLine() {
        root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        rootLevel = root.getLevel();
        root.setLevel(Level.DEBUG);
        // The configuration loggers, as in production (launcher logback.xml logs AbstractConfig at INFO).
        LoggerContext context = root.getLoggerContext();
        for (String name : new String[] {"org.apache.kafka", "org.apache.kafka.common.config.AbstractConfig"}) {
            levels.put(name, context.getLogger(name).getLevel());
            context.getLogger(name).setLevel(Level.DEBUG);
        }
        logs.start();
        root.addAppender(logs);
    }

    @AfterEach
    void stopCapturing() {
        root.detachAppender(logs);
        root.setLevel(rootLevel);
        levels.forEach((name, level) -> root.getLoggerContext().getLogger(name).setLevel(level));
    }

    /** The production settings of a service with every secret replaced by a canary, inline or as a file. */
    private Map<String, String> secretSettings(RigService service, boolean asFiles) throws Exception {
        ServiceSettings production = Overlay.render("production").settings(service);
        Map<String, String> values = new HashMap<>();
        production.effective().forEach((key, value) -> {
            if (!value.startsWith("file:") && !value.startsWith("secret:")) {
                values.put(key, value);
            }
        });
        values.put("kafka.bootstrap.servers", "127.0.0.1:1");
        values.put("schema.registry.url", "http://127.0.0.1:1");
        values.put("management.port", "0");
        values.remove("mqtt.tls.truststore.path"); // no such store here; its password is still set below
        for (ConfigDef.ConfigKey key : production.definition().configKeys().values()) {
            if (key.type == ConfigDef.Type.PASSWORD) {
                String secret = CANARY + key.name;
                if (asFiles) {
                    Path file = Files.writeString(scratch.resolve(key.name + ".txt"), secret);
                    values.put(key.name, "file:" + file);
                } else {
                    values.put(key.name, secret);
                }
            }
        }
        values.put("kafka.common.security.protocol", "SASL_PLAINTEXT");
        values.put("kafka.common.sasl.mechanism", "SCRAM-SHA-512");
        values.put("kafka.common.sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required "
                + "username=\"rigstream\" password=\"" + CANARY + "jaas\";");
        return values;
    }

    @ParameterizedTest
    @EnumSource(RigService.class)
    void startingWithSecretsInlineLogsThemNowhere(RigService service) throws Exception {
        Map<String, String> values = secretSettings(service, false);
        ServiceSettings settings = new ServiceSettings("secrets", service, List.of(service.command()), Map.of(), Map.of(), values);
        var parsed = settings.parse(scratch);
        Object loaded = service.load(ConfigInput.ofValues(values));
        assertThat(logs.list).as("the effective configuration is logged").isNotEmpty();
        assertNoCanary("parsed configuration", parsed.toString() + parsed.values());
        assertNoCanary("loaded configuration", loaded.toString());
        assertNoCanaryInLogs();
    }

    @ParameterizedTest
    @EnumSource(RigService.class)
    void startingWithSecretFilesLogsTheirContentNowhere(RigService service) throws Exception {
        Map<String, String> values = secretSettings(service, true);
        ServiceSettings settings = new ServiceSettings("secrets", service, List.of(service.command()), Map.of(), Map.of(), values);
        settings.parse(scratch);
        service.load(ConfigInput.ofValues(values));
        assertNoCanaryInLogs();
    }

    @ParameterizedTest
    @EnumSource(RigService.class)
    void configurationErrorsDoNotRepeatSecrets(RigService service) throws Exception {
        List<Throwable> errors = new ArrayList<>();
        Map<String, String> breakages = Map.of(CommonConfig.MANAGEMENT_PORT, "not-a-port",
                CommonConfig.SCHEMA_REGISTRY_URL, "mock://shared", "an.unknown.key", "x");
        for (Map.Entry<String, String> broken : breakages.entrySet()) {
            Map<String, String> values = secretSettings(service, false);
            values.put(broken.getKey(), broken.getValue());
            ServiceSettings settings = new ServiceSettings("secrets", service, List.of(service.command()), Map.of(), Map.of(), values);
            errors.add(catchThrowable(() -> {
                settings.parse(scratch);
                service.load(ConfigInput.ofValues(values));
            }));
        }
        // A secret file that cannot be read is named by its path, not its content.
        Map<String, String> values = secretSettings(service, true);
        String secretKey = values.keySet().stream().filter(k -> values.get(k).startsWith("file:")).sorted().findFirst().orElseThrow();
        Path file = Path.of(values.get(secretKey).substring(5));
        Files.delete(file);
        values.put(secretKey, "file:" + file);
        errors.add(catchThrowable(() -> service.load(ConfigInput.ofValues(values))));
        assertThat(errors).as("each broken setting is refused").doesNotContainNull();
        for (Throwable error : errors) {
            for (Throwable t = error; t != null; t = t.getCause()) {
                assertNoCanary("error " + t.getClass().getSimpleName(), String.valueOf(t.getMessage()));
            }
        }
        assertNoCanaryInLogs();
    }

    @Test
    void theWholeBridgeWithSecretsLogsAndExportsThemNowhere() throws Exception {
        Map<String, String> values = secretSettings(RigService.INGEST, false);
        values.put(IngestConfig.MQTT_SERVER_URIS, "tcp://127.0.0.1:1");
        IngestConfig config = IngestConfig.load(new ConfigInput(Optional.empty(),
                Map.of(ConfigSources.envVarFor(IngestConfig.MQTT_PASSWORD), CANARY + "env"), values));
        PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        HealthRegistry health = new HealthRegistry();
        try (IngestService service = new IngestService(config, metrics, health, Clock.systemUTC())) {
            String scrape = metrics.scrape();
            assertThat(scrape).contains("rigstream_ingest_");
            assertNoCanary("metrics", scrape);
            assertNoCanary("health", health.live().toString() + health.ready());
        }
        assertNoCanary("config", config.toString() + config.producerProperties().keySet());
        assertNoCanaryInLogs();
    }

    /** IngestConfig.Mqtt is a record: its toString() must be overridden, or one careless log line leaks the password. */
    @Test
    void theBridgesMqttSettingsPrintWithoutTheirPassword() {
        Map<String, String> values = new HashMap<>(Map.of(CommonConfig.SCHEMA_REGISTRY_URL, "http://127.0.0.1:1",
                IngestConfig.MQTT_PASSWORD, CANARY + "mqtt"));
        IngestConfig config = IngestConfig.load(ConfigInput.ofValues(values));
        assertThat(config.mqtt().toString()).doesNotContain(CANARY).contains("[hidden]");
    }

    @Test
    void aRegistryThatRefusesTheCredentialsIsNotToldThemBack() throws Exception {
        AtomicReference<String> sent = new AtomicReference<>();
        HttpServer registry = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        registry.createContext("/", exchange -> {
            sent.set(exchange.getRequestHeaders().getFirst("Authorization"));
            byte[] body = "{\"error_code\":40101,\"message\":\"Unauthorized\"}".getBytes();
            exchange.sendResponseHeaders(401, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        registry.start();
        try {
            Map<String, String> values = secretSettings(RigService.INGEST, false);
            values.put(CommonConfig.SCHEMA_REGISTRY_URL, "http://127.0.0.1:" + registry.getAddress().getPort());
            values.put(CommonConfig.SCHEMA_REGISTRY_BASIC_AUTH, "rigstream:" + CANARY + "registry");
            IngestConfig config = IngestConfig.load(ConfigInput.ofValues(values));
            Throwable error = catchThrowable(() -> config.common().schemaRegistry()
                    .register("rigstream.telemetry.readings-value", TelemetryReading.getClassSchema()));
            assertThat(error).isNotNull();
            assertThat(sent.get()).as("the credentials were sent").startsWith("Basic ");
            for (Throwable t = error; t != null; t = t.getCause()) {
                assertNoCanary("registry error", String.valueOf(t.getMessage()));
                assertThat(String.valueOf(t.getMessage())).doesNotContain(sent.get().substring("Basic ".length()));
            }
            assertNoCanaryInLogs();
        } finally {
            registry.stop(0);
        }
    }

    @Test
    void theCheckWouldSeeASecretInALogLine() {
        LoggerFactory.getLogger("leaky").warn("connecting with password {}", CANARY + "leak");
        assertThatThrownBy(this::assertNoCanaryInLogs).isInstanceOf(AssertionError.class).hasMessageContaining("leaky");
    }

    private void assertNoCanaryInLogs() {
        for (ILoggingEvent event : logs.list) {
            StringBuilder text = new StringBuilder(event.getFormattedMessage());
            for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
                text.append('\n').append(t.getMessage());
            }
            text.append(event.getMDCPropertyMap());
            assertNoCanary("log line of " + event.getLoggerName(), text.toString());
        }
    }

    private static void assertNoCanary(String where, String text) {
        assertThat(text).as(where).doesNotContain(CANARY);
    }

}
