package io.rigstream.benchmarks.bridge;

import io.rigstream.ingest.mqtt.NoDelaySockets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;

/**
 * The simulated gateways: Paho clients publishing a round's messages at QoS 1 over a few connections, each with a
 * bounded window of publishes awaiting the broker's PUBACK, Nagle off (as the bridge has it). Remembers when each
 * message was handed to Paho, for the latency figures.
 */
public final class GatewayFleet implements AutoCloseable {

    private final List<MqttAsyncClient> clients = new ArrayList<>();
    private final List<Semaphore> windows = new ArrayList<>();
    private final int window;

    public GatewayFleet(String serverUri, String round, int connections, int window) throws MqttException {
        this.window = window;
        for (int c = 0; c < connections; c++) {
            MqttAsyncClient client = new MqttAsyncClient(serverUri, "bench-gw-" + round + "-" + c, new MemoryPersistence());
            MqttConnectionOptions options = new MqttConnectionOptions();
            options.setSocketFactory(NoDelaySockets.plain());
            client.connect(options).waitForCompletion(30_000);
            clients.add(client);
            windows.add(new Semaphore(window));
        }
    }

    /**
     * Publishes every message of the workload under {@code round}'s topics, paced to {@code readingsPerSecond} unless
     * that is 0; returns once the broker has them all.
     */
    public PublishTimes publish(Workload workload, String round, int readingsPerSecond) throws Exception {
        PublishTimes times = new PublishTimes(workload.messages());
        AtomicLong failures = new AtomicLong();
        Pacer pacer = new Pacer((double) readingsPerSecond / workload.readingsPerMessage());
        for (int i = 0; i < workload.messages(); i++) {
            pacer.await(i);
            int gateway = workload.gateway(i);
            int connection = gateway % clients.size();
            Semaphore permits = windows.get(connection);
            permits.acquire();
            MqttMessage message = new MqttMessage(workload.payload(i));
            message.setQos(1);
            times.published(i);
            clients.get(connection).publish(Workload.topic(round, gateway), message, null, new MqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    permits.release();
                }

                @Override
                public void onFailure(IMqttToken token, Throwable exception) {
                    failures.incrementAndGet();
                    permits.release();
                }
            });
        }
        for (Semaphore permits : windows) {
            permits.acquire(window);
            permits.release(window);
        }
        if (failures.get() > 0) {
            throw new IllegalStateException(failures.get() + " publishes failed");
        }
        return times;
    }

    @Override
    public void close() throws MqttException {
        for (MqttAsyncClient client : clients) {
            client.disconnect().waitForCompletion(10_000);
            client.close();
        }
    }

    /** When each message was published: wall-clock for comparing with Kafka's append time, nanos within this JVM. */
    public static final class PublishTimes {
        private final long[] millis;
        private final long[] nanos;

        PublishTimes(int messages) {
            this.millis = new long[messages];
            this.nanos = new long[messages];
        }

        void published(int message) {
            millis[message] = System.currentTimeMillis();
            nanos[message] = System.nanoTime();
        }

        long millis(int message) {
            return millis[message];
        }

    public long nanos(int message) {
            return nanos[message];
        }
    }
}
