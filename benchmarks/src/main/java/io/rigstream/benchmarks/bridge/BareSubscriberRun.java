package io.rigstream.benchmarks.bridge;

import io.rigstream.ingest.config.IngestConfig;
import io.rigstream.ingest.mqtt.NoDelaySockets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;

/**
 * Baseline 2: the gateways publish the round as for the bridge, and a bare Paho subscriber drains it with the bridge's
 * subscription (the same shared group, QoS 1, receive maximum and socket settings), acknowledging each message as
 * soon as it arrives. No Kafka. Latency is publish to arrival.
 */
public final class BareSubscriberRun {

    private BareSubscriberRun() {
    }

    public static Result run(BenchEnvironment env, String round) throws Exception {
        Workload workload = env.workload();
        IngestConfig config = env.config("bench-subscriber-" + round);
        Arrivals arrivals = new Arrivals(workload, round);
        List<MqttAsyncClient> subscribers = new ArrayList<>();
        try (GatewayFleet fleet = new GatewayFleet(env.mqtt().serverUri(), round, env.options().connections(),
                env.options().window())) {
            subscribers.add(subscribe(env, config, arrivals));
            CpuMeter.Snapshot before = CpuMeter.snapshot();
            long start = System.nanoTime();
            GatewayFleet.PublishTimes times = fleet.publish(workload, round, env.options().rate());
            if (!arrivals.done.await(10, TimeUnit.MINUTES)) {
                throw new IllegalStateException("Bare subscriber: " + arrivals.done.getCount() + " messages never arrived");
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            CpuMeter.Snapshot after = CpuMeter.snapshot();
            String clientId = config.mqtt().clientId();
            Predicate<String> client = name -> name.contains(clientId);
            double[] latencies = arrivals.latencies(times);
            return new Result("bare MQTT subscriber", workload.readings(), seconds, Result.quantile(latencies, 0.5),
                    Result.quantile(latencies, 0.99), CpuMeter.threadSeconds(before, after, client),
                    CpuMeter.processSeconds(before, after), CpuMeter.byThread(before, after, client));
        } finally {
            for (MqttAsyncClient subscriber : subscribers) {
                subscriber.disconnect().waitForCompletion(10_000);
                subscriber.close();
            }
        }
    }

    private static MqttAsyncClient subscribe(BenchEnvironment env, IngestConfig config, Arrivals arrivals)
            throws MqttException {
        MqttAsyncClient subscriber = new MqttAsyncClient(env.mqtt().serverUri(), config.mqtt().clientId(),
                new MemoryPersistence());
        subscriber.setCallback(arrivals);
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setReceiveMaximum(config.mqtt().receiveMaximum());
        options.setSocketFactory(NoDelaySockets.plain());
        subscriber.connect(options).waitForCompletion(30_000);
        subscriber.subscribe(new MqttSubscription(config.mqtt().subscriptionFilter(), 1)).waitForCompletion(30_000);
        return subscriber;
    }

    /** Counts arrivals and notes when each came; the message is known by its topic and its first reading's seq. */
    private static final class Arrivals implements MqttCallback {
        private static final byte[] SEQ = "\"seq\":".getBytes(java.nio.charset.StandardCharsets.UTF_8);

        private final Workload workload;
        private final Map<String, Integer> gatewayByTopic = new HashMap<>();
        private final long[] arrivalNanos;
        private final CountDownLatch done;

        Arrivals(Workload workload, String round) {
            this.workload = workload;
            this.arrivalNanos = new long[workload.messages()];
            this.done = new CountDownLatch(workload.messages());
            for (int i = 0; i < workload.messages(); i++) {
                gatewayByTopic.put(Workload.topic(round, workload.gateway(i)), workload.gateway(i));
            }
        }

        @Override
        public void messageArrived(String topic, MqttMessage message) {
            long now = System.nanoTime();
            arrivalNanos[workload.message(gatewayByTopic.get(topic), firstSeq(message.getPayload()))] = now;
            done.countDown();
        }

        /** Publish to arrival of each message, in ms; call after {@link #done} reached zero. */
        double[] latencies(GatewayFleet.PublishTimes times) {
            double[] latencies = new double[arrivalNanos.length];
            for (int i = 0; i < latencies.length; i++) {
                latencies[i] = (arrivalNanos[i] - times.nanos(i)) / 1e6;
            }
            return latencies;
        }

        private static long firstSeq(byte[] payload) {
            outer:
            for (int i = 0; i + SEQ.length < payload.length; i++) {
                for (int j = 0; j < SEQ.length; j++) {
                    if (payload[i + j] != SEQ[j]) {
                        continue outer;
                    }
                }
                long seq = 0;
                for (int k = i + SEQ.length; k < payload.length && payload[k] >= '0' && payload[k] <= '9'; k++) {
                    seq = seq * 10 + (payload[k] - '0');
                }
                return seq;
            }
            throw new IllegalStateException("no seq in a benchmark payload");
        }

        @Override
        public void disconnected(MqttDisconnectResponse response) {
        }

        @Override
        public void mqttErrorOccurred(MqttException exception) {
        }

        @Override
        public void deliveryComplete(IMqttToken token) {
        }

        @Override
        public void connectComplete(boolean reconnect, String serverUri) {
        }

        @Override
        public void authPacketArrived(int reasonCode, MqttProperties properties) {
        }
    }
}
