package io.rigstream.simulator.gateway;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;

/**
 * Publishes gateway messages over real MQTT connections at QoS 1. Gateways are spread over a few connections, each
 * gateway always on the same one so its messages keep their order; each connection keeps a bounded number of
 * publishes in flight, waiting for PUBACKs as a real gateway does.
 */
public final class MqttFleetPublisher implements AutoCloseable {

    /** MQTT 5 PUBACK reason code: the broker accepted the message and no subscription matched it. */
    private static final int NO_MATCHING_SUBSCRIBERS = 0x10;

    private final List<MqttAsyncClient> clients = new ArrayList<>();
    private final List<Semaphore> inFlight = new ArrayList<>();
    private final AtomicLong acknowledged = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong unrouted = new AtomicLong();
    private final int maxInFlightPerConnection;

    public MqttFleetPublisher(String serverUri, String clientIdPrefix, int connections, int maxInFlightPerConnection)
            throws MqttException {
        this.maxInFlightPerConnection = maxInFlightPerConnection;
        for (int i = 0; i < connections; i++) {
            MqttAsyncClient client = new MqttAsyncClient(serverUri, clientIdPrefix + "-" + i, new MemoryPersistence());
            MqttConnectionOptions options = new MqttConnectionOptions();
            options.setCleanStart(true);
            options.setAutomaticReconnect(true);
            client.connect(options).waitForCompletion(TimeUnit.SECONDS.toMillis(30));
            clients.add(client);
            inFlight.add(new Semaphore(maxInFlightPerConnection));
        }
    }

    /** Publishes in list order and returns once every message is acknowledged by the broker. */
    public void publishAll(List<GatewayMessage> messages, LongConsumer progress) throws InterruptedException, MqttException {
        long sent = 0;
        for (GatewayMessage message : messages) {
            publish(message);
            if (++sent % 1000 == 0) {
                progress.accept(sent);
            }
        }
        // Holding every permit of a connection means all its publishes were acknowledged.
        for (Semaphore permits : inFlight) {
            permits.acquire(maxInFlightPerConnection);
            permits.release(maxInFlightPerConnection);
        }
        progress.accept(sent);
        if (failed.get() > 0) {
            throw new IllegalStateException(failed.get() + " publishes failed");
        }
    }

    public void publish(GatewayMessage message) throws InterruptedException, MqttException {
        int connection = Math.floorMod(message.topic().hashCode(), clients.size());
        Semaphore permits = inFlight.get(connection);
        permits.acquire();
        MqttMessage mqttMessage = new MqttMessage(message.payload());
        mqttMessage.setQos(1);
        clients.get(connection).publish(message.topic(), mqttMessage, null, new MqttActionListener() {
            @Override
            public void onSuccess(IMqttToken token) {
                int[] reasons = token.getReasonCodes();
                if (reasons != null && reasons.length > 0 && reasons[0] == NO_MATCHING_SUBSCRIBERS) {
                    unrouted.incrementAndGet();
                }
                acknowledged.incrementAndGet();
                permits.release();
            }

            @Override
            public void onFailure(IMqttToken token, Throwable exception) {
                failed.incrementAndGet();
                permits.release();
            }
        });
    }

    public long acknowledged() {
        return acknowledged.get();
    }

    /**
     * Publishes the broker acknowledged with reason code 0x10, "no matching subscribers": accepted, and delivered to
     * nobody. A QoS 1 publisher sees success either way.
     */
    public long unrouted() {
        return unrouted.get();
    }

    @Override
    public void close() throws MqttException {
        for (MqttAsyncClient client : clients) {
            if (client.isConnected()) {
                client.disconnect().waitForCompletion(TimeUnit.SECONDS.toMillis(10));
            }
            client.close();
        }
    }
}
