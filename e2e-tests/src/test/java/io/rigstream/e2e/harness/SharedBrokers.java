package io.rigstream.e2e.harness;

import io.rigstream.embedded.EmbeddedKafka;
import io.rigstream.embedded.EmbeddedMqttBroker;
import io.rigstream.embedded.EmbeddedSchemaRegistry;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The brokers all end-to-end tests of one run share: a real KRaft Kafka broker, a real MQTT broker (HiveMQ CE) and the
 * HTTP schema registry stand-in. Starting them costs 20-30 s on the 2-core development machine, about as long as a
 * scenario runs, so they start once, for the first test class that uses this extension, and stop when the whole run
 * ends (JUnit's root store closes them). Tests stay apart through {@link E2ePipeline}: rigstream's topics are recreated
 * empty for each test, and each test has its own consumer groups, Streams application id, MQTT client id (session) and
 * Odoo stand-in. A test that stops the Kafka broker starts it again before it ends.
 */
public final class SharedBrokers implements BeforeAllCallback {

    private static volatile Brokers current;

    /** The brokers themselves, closed with the run. */
    public record Brokers(EmbeddedKafka kafka, EmbeddedMqttBroker mqtt, EmbeddedSchemaRegistry registry) implements AutoCloseable {
        @Override
        public void close() {
            current = null;
            registry.close();
            mqtt.close();
            kafka.close();
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        current = context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(Brokers.class, key -> start(), Brokers.class);
    }

    /** The brokers of this run; the test class must be annotated {@code @ExtendWith(SharedBrokers.class)}. */
    static Brokers current() {
        Brokers brokers = current;
        if (brokers == null) {
            throw new IllegalStateException("No shared brokers: annotate the test class with @ExtendWith(SharedBrokers.class)");
        }
        return brokers;
    }

    private static Brokers start() {
        EmbeddedKafka kafka = EmbeddedKafka.start();
        try {
            EmbeddedMqttBroker mqtt = EmbeddedMqttBroker.start();
            try {
                return new Brokers(kafka, mqtt, EmbeddedSchemaRegistry.start());
            } catch (RuntimeException e) {
                mqtt.close();
                throw e;
            }
        } catch (RuntimeException e) {
            kafka.close();
            throw e;
        }
    }
}
