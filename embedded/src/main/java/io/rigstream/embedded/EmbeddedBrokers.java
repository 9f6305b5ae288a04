package io.rigstream.embedded;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * JUnit 5 extension giving a test class a real Kafka broker and, if asked, a real MQTT broker, started once for the
 * class and closed after it. Use as {@code @RegisterExtension static final EmbeddedBrokers BROKERS = EmbeddedBrokers.kafkaAndMqtt();}
 */
public final class EmbeddedBrokers implements BeforeAllCallback, AfterAllCallback {

    private final boolean withMqtt;
    private EmbeddedKafka kafka;
    private EmbeddedMqttBroker mqtt;

    private EmbeddedBrokers(boolean withMqtt) {
        this.withMqtt = withMqtt;
    }

    public static EmbeddedBrokers kafkaOnly() {
        return new EmbeddedBrokers(false);
    }

    public static EmbeddedBrokers kafkaAndMqtt() {
        return new EmbeddedBrokers(true);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        kafka = EmbeddedKafka.start();
        if (withMqtt) {
            mqtt = EmbeddedMqttBroker.start();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (mqtt != null) {
            mqtt.close();
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    public EmbeddedKafka kafka() {
        return kafka;
    }

    public EmbeddedMqttBroker mqtt() {
        if (mqtt == null) {
            throw new IllegalStateException("This EmbeddedBrokers was created with kafkaOnly()");
        }
        return mqtt;
    }
}
