package io.rigstream.ingest.mqtt;

import io.rigstream.ingest.config.IngestConfig;
import io.rigstream.ingest.metrics.IngestMetrics;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import javax.net.SocketFactory;
import javax.net.ssl.SSLSocketFactory;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bridge's MQTT side: a persistent session (clean start off, session expiry) under a stable client id, so the
 * broker queues gateway messages while the bridge is away; QoS 1 with manual acknowledgements, so a message is
 * acknowledged only when the handler says Kafka has it; a receive maximum, so the broker stops sending when too many
 * messages wait for Kafka.
 */
public final class MqttGatewaySubscriber implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MqttGatewaySubscriber.class);
    private static final int QOS = 1;

    private final IngestConfig.Mqtt config;
    private final MqttAsyncClient client;
    private final InOrderAcknowledger acknowledger;
    private final IngestMetrics metrics;
    private volatile boolean subscribed;

    public MqttGatewaySubscriber(IngestConfig.Mqtt config, GatewayMessageHandler handler, IngestMetrics metrics) {
        this.config = config;
        this.metrics = metrics;
        try {
            this.client = new MqttAsyncClient(config.serverUris().get(0), config.clientId(), new MemoryPersistence());
        } catch (MqttException e) {
            throw new IllegalStateException("Invalid MQTT client settings: " + e.getMessage(), e);
        }
        this.acknowledger = new InOrderAcknowledger(this::sendPuback);
        client.setManualAcks(true);
        client.setCallback(new Callback(handler));
    }

    public void connect(MqttConnectionOptions options) throws MqttException {
        IMqttToken token = client.connect(options);
        token.waitForCompletion(TimeUnit.SECONDS.toMillis(config.connectTimeout().toSeconds() + 5));
    }

    public MqttConnectionOptions connectionOptions(IngestConfig.Mqtt mqtt) {
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setServerURIs(mqtt.serverUris().toArray(String[]::new));
        options.setCleanStart(false);
        options.setSessionExpiryInterval(mqtt.sessionExpiry().toSeconds());
        options.setReceiveMaximum(mqtt.receiveMaximum());
        options.setKeepAliveInterval((int) mqtt.keepAlive().toSeconds());
        options.setConnectionTimeout((int) mqtt.connectTimeout().toSeconds());
        options.setAutomaticReconnect(true);
        options.setAutomaticReconnectDelay(1, 30);
        mqtt.username().ifPresent(options::setUserName);
        mqtt.password().ifPresent(p -> options.setPassword(p.getBytes(StandardCharsets.UTF_8)));
        options.setSocketFactory(socketFactory(mqtt));
        return options;
    }

    /** TLS as configured (or the JVM's default trust for ssl:// without a trust store), always without Nagle. */
    static SocketFactory socketFactory(IngestConfig.Mqtt mqtt) {
        if (mqtt.tls().isPresent()) {
            return NoDelaySockets.tls(TlsSocketFactories.create(mqtt.tls().get()));
        }
        if (mqtt.serverUris().stream().anyMatch(uri -> uri.startsWith("ssl://") || uri.startsWith("wss://"))) {
            return NoDelaySockets.tls((SSLSocketFactory) SSLSocketFactory.getDefault());
        }
        return NoDelaySockets.plain();
    }

    public boolean isConnected() {
        return client.isConnected() && subscribed;
    }

    public int inFlight() {
        return acknowledger.inFlight();
    }

    /** Disconnects without unsubscribing: the session, and the messages queued in it, must outlive this process. */
    @Override
    public void close() {
        try {
            if (client.isConnected()) {
                client.disconnect(TimeUnit.SECONDS.toMillis(5)).waitForCompletion(TimeUnit.SECONDS.toMillis(10));
            }
            client.close(true);
        } catch (MqttException e) {
            LOG.warn("MQTT disconnect did not complete cleanly: {}", e.getMessage());
        }
    }

    private void sendPuback(int messageId, int qos) {
        try {
            client.messageArrivedComplete(messageId, qos);
        } catch (MqttException e) {
            // The connection is gone: the broker redelivers this message on reconnect (at-least-once).
            LOG.debug("PUBACK for message {} not sent: {}", messageId, e.getMessage());
        }
    }

    /**
     * (Re)subscribes after every connect, without waiting: Paho calls connectComplete on its callback thread, which
     * must stay free to receive the SUBACK. Harmless when the session already holds the subscription.
     */
    private void subscribe() {
        try {
            client.subscribe(new MqttSubscription[] {new MqttSubscription(config.subscriptionFilter(), QOS)}, null,
                    new MqttActionListener() {
                        @Override
                        public void onSuccess(IMqttToken token) {
                            subscribed = true;
                            LOG.info("Subscribed to {} at QoS {}", config.subscriptionFilter(), QOS);
                        }

                        @Override
                        public void onFailure(IMqttToken token, Throwable failure) {
                            LOG.error("Subscribing to {} failed: {}", config.subscriptionFilter(), failure.getMessage());
                        }
                    }, new MqttProperties());
        } catch (MqttException e) {
            LOG.error("Subscribing to {} failed: {}", config.subscriptionFilter(), e.getMessage());
        }
    }

    private final class Callback implements MqttCallback {
        private final GatewayMessageHandler handler;

        Callback(GatewayMessageHandler handler) {
            this.handler = handler;
        }

        @Override
        public void connectComplete(boolean reconnect, String serverUri) {
            if (reconnect) {
                metrics.reconnected();
                LOG.info("Reconnected to MQTT broker {}", serverUri);
            } else {
                LOG.info("Connected to MQTT broker {} as {}", serverUri, config.clientId());
            }
            subscribe();
        }

        @Override
        public void disconnected(MqttDisconnectResponse response) {
            subscribed = false;
            acknowledger.connectionLost();
            LOG.warn("Disconnected from MQTT broker: {}", response.getReasonString() != null
                    ? response.getReasonString() : response.getException());
        }

        @Override
        public void mqttErrorOccurred(MqttException exception) {
            LOG.warn("MQTT error: {}", exception.getMessage());
        }

        @Override
        public void messageArrived(String topic, MqttMessage message) {
            InOrderAcknowledger.Pending ack = acknowledger.arrived(message.getId(), message.getQos(), System.nanoTime());
            handler.onMessage(topic, message.getPayload(), ack);
        }

        @Override
        public void deliveryComplete(IMqttToken token) {
            // The bridge only subscribes; it never publishes.
        }

        @Override
        public void authPacketArrived(int reasonCode, MqttProperties properties) {
            LOG.warn("Unexpected MQTT AUTH packet, reason code {}", reasonCode);
        }
    }
}
