package io.rigstream.ingest.it;

import io.rigstream.ingest.mqtt.NoDelaySockets;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;

/**
 * Real Paho clients standing in for gateways, one connection each: QoS 1 publishes with a bounded number awaiting
 * PUBACK. All connect at once up front (a Paho connect takes a few hundred milliseconds, fifty in a row would be slow).
 */
final class Gateways implements AutoCloseable {

    private final int maxInFlight;
    private final Map<String, MqttAsyncClient> clients = new HashMap<>();
    private final ConcurrentHashMap<String, Semaphore> permits = new ConcurrentHashMap<>();
    private final AtomicLong acknowledged = new AtomicLong();
    private final AtomicLong published = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private final AtomicLong unrouted = new AtomicLong();

    /** MQTT 5 PUBACK reason code 0x10: the broker took the message and no subscription matched it (it is dropped). */
    private static final int NO_MATCHING_SUBSCRIBERS = 0x10;

    /** Connects one client per equipment id, concurrently, and returns once all are connected. */
    Gateways(String serverUri, int maxInFlight, Collection<String> equipmentIds) throws MqttException {
        this.maxInFlight = maxInFlight;
        List<IMqttToken> connecting = new ArrayList<>();
        for (String id : equipmentIds) {
            MqttAsyncClient client = new MqttAsyncClient(serverUri, "gw-" + id, new MemoryPersistence());
            MqttConnectionOptions options = new MqttConnectionOptions();
            options.setCleanStart(true);
            options.setSocketFactory(NoDelaySockets.plain());
            connecting.add(client.connect(options));
            clients.put(id, client);
        }
        for (IMqttToken token : connecting) {
            token.waitForCompletion(30_000);
        }
    }

    /** {@code count} equipment ids: {@code prefix} and a two-digit number. */
    static List<String> ids(String prefix, int count) {
        return IntStream.range(0, count).mapToObj(n -> String.format("%s%02d", prefix, n)).toList();
    }

    static String topic(String equipmentId) {
        return "fleet/acme/" + equipmentId + "/telemetry";
    }

    /** A batch of {@code count} engine readings with seq {@code firstSeq}.., device time a little in the past. */
    static byte[] batch(String equipmentId, long firstSeq, int count) {
        StringBuilder json = new StringBuilder("{\"equipmentId\":\"").append(equipmentId).append("\",\"readings\":[");
        long base = baseMillis();
        for (int i = 0; i < count; i++) {
            long seq = firstSeq + i;
            if (i > 0) {
                json.append(',');
            }
            json.append("{\"ts\":").append(base + seq * 100).append(",\"seq\":").append(seq)
                    .append(",\"engine\":{\"running\":true,\"hourMeter\":").append(100 + seq / 3600.0).append("}}");
        }
        return json.append("]}").toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Device times start 6 h back and advance 100 ms per seq: 100,000 readings stay in the past. */
    private static long baseMillis() {
        return Instant.now().minusSeconds(6 * 3600).toEpochMilli();
    }

    static byte[] single(long seq) {
        return batchlessReading(seq).getBytes(StandardCharsets.UTF_8);
    }

    private static String batchlessReading(long seq) {
        long ts = baseMillis() + seq * 100;
        return "{\"ts\":" + ts + ",\"seq\":" + seq + ",\"engine\":{\"running\":true,\"hourMeter\":" + (100 + seq / 3600.0) + "}}";
    }

    /** Publishes at QoS 1; blocks while {@code maxInFlight} of this gateway's messages await their PUBACK. */
    void publish(String equipmentId, byte[] payload) throws MqttException, InterruptedException {
        Semaphore gate = permits.computeIfAbsent(equipmentId, id -> new Semaphore(maxInFlight));
        while (!gate.tryAcquire(100, TimeUnit.MILLISECONDS)) {
            // Waiting for PUBACKs: the bridge is holding them back.
        }
        MqttMessage message = new MqttMessage(payload);
        message.setQos(1);
        published.incrementAndGet();
        client(equipmentId).publish(topic(equipmentId), message, null, new MqttActionListener() {
            @Override
            public void onSuccess(IMqttToken token) {
                int[] reasons = token.getReasonCodes();
                if (reasons != null && reasons.length > 0 && reasons[0] == NO_MATCHING_SUBSCRIBERS) {
                    unrouted.incrementAndGet();
                }
                acknowledged.incrementAndGet();
                gate.release();
            }

            @Override
            public void onFailure(IMqttToken token, Throwable exception) {
                failures.incrementAndGet();
                gate.release();
            }
        });
    }

    long acknowledged() {
        return acknowledged.get();
    }

    /** Publishes the broker refused or that were lost with a connection: a test must see none. */
    long failures() {
        return failures.get();
    }

    /**
     * Publishes the broker acknowledged as matching no subscription: a successful PUBACK for the gateway, and a
     * message no bridge will ever see. A test must see none.
     */
    long unrouted() {
        return unrouted.get();
    }

    long awaitingAck() {
        return published.get() - acknowledged.get();
    }

    private MqttAsyncClient client(String equipmentId) {
        MqttAsyncClient client = clients.get(equipmentId);
        if (client == null) {
            throw new IllegalArgumentException("No gateway " + equipmentId + " was connected");
        }
        return client;
    }

    @Override
    public void close() throws MqttException {
        List<IMqttToken> disconnecting = new ArrayList<>();
        for (MqttAsyncClient client : clients.values()) {
            if (client.isConnected()) {
                disconnecting.add(client.disconnect());
            }
        }
        for (IMqttToken token : disconnecting) {
            token.waitForCompletion(10_000);
        }
        for (MqttAsyncClient client : clients.values()) {
            client.close();
        }
    }
}
