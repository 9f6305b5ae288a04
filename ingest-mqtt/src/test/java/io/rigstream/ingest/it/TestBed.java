package io.rigstream.ingest.it;

import io.rigstream.embedded.EmbeddedKafka;
import io.rigstream.embedded.EmbeddedMqttBroker;
import io.rigstream.embedded.EmbeddedSchemaRegistry;
import io.rigstream.embedded.MosquittoBroker;
import io.rigstream.embedded.MqttBroker;
import io.rigstream.runtime.kafka.TopicInstaller;
import io.rigstream.schemas.registry.SchemaRegistries;
import io.rigstream.schemas.registry.SchemaRegistryClient;
import io.rigstream.schemas.topics.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * What a bridge integration test class runs against, started once for the class: a real Kafka broker with rigstream's
 * topics, a real MQTT broker (embedded HiveMQ CE, or Debian's Mosquitto when installed, the class skipped with the
 * reason otherwise) and a schema registry over HTTP, so a bridge in another process shares its schema ids.
 */
final class TestBed implements BeforeAllCallback, AfterAllCallback {

    private final Supplier<Optional<Supplier<MqttBroker>>> brokerStarter;
    private final String unavailableReason;
    private EmbeddedKafka kafka;
    private MqttBroker mqtt;
    private EmbeddedSchemaRegistry registry;

    private TestBed(Supplier<Optional<Supplier<MqttBroker>>> brokerStarter, String unavailableReason) {
        this.brokerStarter = brokerStarter;
        this.unavailableReason = unavailableReason;
    }

    static TestBed withHiveMq() {
        return new TestBed(() -> Optional.of(EmbeddedMqttBroker::start), "");
    }

    static TestBed withMosquitto() {
        return new TestBed(() -> MosquittoBroker.executable().map(TestBed::mosquitto), MosquittoBroker.notInstalledReason());
    }

    private static Supplier<MqttBroker> mosquitto(Path executable) {
        return () -> MosquittoBroker.start(executable);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        Optional<Supplier<MqttBroker>> starter = brokerStarter.get();
        Assumptions.assumeTrue(starter.isPresent(), unavailableReason);
        mqtt = starter.get().get();
        registry = EmbeddedSchemaRegistry.start();
        kafka = EmbeddedKafka.start();
        try (Admin admin = kafka.admin()) {
            TopicInstaller.createMissing(admin, Topics.ALL, 6, (short) 1);
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (kafka != null) {
            kafka.close();
        }
        if (registry != null) {
            registry.close();
        }
        if (mqtt != null) {
            mqtt.close();
        }
    }

    EmbeddedKafka kafka() {
        return kafka;
    }

    MqttBroker mqtt() {
        return mqtt;
    }

    String registryUrl() {
        return registry.url();
    }

    SchemaRegistryClient registryClient() {
        return SchemaRegistries.forUrl(registry.url(), Optional.empty(), Duration.ofSeconds(10));
    }
}
