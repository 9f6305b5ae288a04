package io.rigstream.ingest;

import io.micrometer.core.instrument.MeterRegistry;
import io.rigstream.ingest.config.IngestConfig;
import io.rigstream.ingest.forward.ForwardingThread;
import io.rigstream.ingest.forward.MessageForwarder;
import io.rigstream.ingest.kafka.RecordPublisher;
import io.rigstream.ingest.mapping.PayloadMapper;
import io.rigstream.ingest.metrics.MicrometerIngestMetrics;
import io.rigstream.ingest.mqtt.MqttGatewaySubscriber;
import io.rigstream.runtime.management.HealthRegistry;
import io.rigstream.runtime.management.HealthRegistry.Check;
import io.rigstream.schemas.registry.SchemaRegistryClient;
import io.rigstream.schemas.topics.Topics;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.paho.mqttv5.common.MqttException;

/**
 * The MQTT to Kafka bridge as one startable, closeable unit. Shutdown order: stop forwarding, close Kafka, which waits (bounded) for
 * the records in flight so the acknowledgements of everything already durable still go out; then disconnect MQTT,
 * keeping the session, so the broker redelivers whatever was not acknowledged to the next bridge.
 */
public final class IngestService implements AutoCloseable {

    private final IngestConfig config;
    private final RecordPublisher publisher;
    private final ForwardingThread forwardingThread;
    private final MqttGatewaySubscriber subscriber;

    public IngestService(IngestConfig config, MeterRegistry meterRegistry, HealthRegistry health, Clock clock) {
        this.config = config;
        AtomicReference<MqttGatewaySubscriber> subscriberRef = new AtomicReference<>();
        MicrometerIngestMetrics metrics = new MicrometerIngestMetrics(meterRegistry,
                () -> subscriberRef.get() == null ? 0 : subscriberRef.get().inFlight());
        SchemaRegistryClient registry = config.common().schemaRegistry();
        this.publisher = new RecordPublisher(config.producerProperties(), metrics);
        MessageForwarder forwarder = new MessageForwarder(new PayloadMapper(config.topicTemplate(), config.limits(), clock),
                publisher, Topics.READINGS.valueSerde(registry).serializer(),
                Topics.REJECTED.valueSerde(registry).serializer(), metrics, clock);
        this.forwardingThread = new ForwardingThread(forwarder, config.mqtt().receiveMaximum());
        this.subscriber = new MqttGatewaySubscriber(config.mqtt(), forwardingThread, metrics);
        subscriberRef.set(subscriber);
        health.liveness("kafka-producer", () -> publisher.fatalError() == null ? Check.up("ok")
                : Check.down("Kafka refused the bridge: " + publisher.fatalError().getMessage()));
        health.readiness("mqtt", () -> subscriber.isConnected() ? Check.up("connected and subscribed")
                : Check.down("not connected to the MQTT broker"));
        health.readiness("kafka", () -> publisher.producing() ? Check.up("producing")
                : Check.down("last Kafka send failed; retrying"));
    }

    /** Connects to the broker; returns once the first connection is made (reconnects are automatic afterwards). */
    public void start() throws MqttException {
        subscriber.connect(subscriber.connectionOptions(config.mqtt()));
    }

    @Override
    public void close() {
        forwardingThread.close();
        publisher.close();
        subscriber.close();
    }
}
