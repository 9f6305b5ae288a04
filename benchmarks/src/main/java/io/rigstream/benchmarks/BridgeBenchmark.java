package io.rigstream.benchmarks;

import com.sun.management.OperatingSystemMXBean;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.rigstream.embedded.EmbeddedKafka;
import io.rigstream.embedded.EmbeddedMqttBroker;
import io.rigstream.ingest.IngestService;
import io.rigstream.ingest.config.IngestConfig;
import io.rigstream.ingest.mapping.MappingLimits;
import io.rigstream.ingest.mapping.MappingResult;
import io.rigstream.ingest.mapping.PayloadMapper;
import io.rigstream.ingest.mapping.TopicTemplate;
import io.rigstream.runtime.config.ConfigInput;
import io.rigstream.runtime.kafka.TopicInstaller;
import io.rigstream.runtime.management.HealthRegistry;
import io.rigstream.schemas.TelemetryReading;
import io.rigstream.schemas.registry.InMemorySchemaRegistry;
import io.rigstream.schemas.topics.Topics;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
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

/**
 * The bridge against its two raw baselines, on the same machine, brokers and data, in one run:
 * <ol>
 *   <li>bare Kafka producer: the same Avro records, same producer settings, no MQTT;</li>
 *   <li>bare MQTT subscriber: drains the same gateway messages from the same broker at QoS 1, no Kafka;</li>
 *   <li>the bridge: gateways publish, the bridge subscribes, maps, produces and acknowledges after Kafka.</li>
 * </ol>
 * Prints readings/s for each and the bridge's ratio to the slower baseline, plus CPU per 10k readings.
 * Usage: {@code java -cp ... io.rigstream.benchmarks.BridgeBenchmark [gateways] [messagesPerGateway] [readingsPerMessage]}
 */
public final class BridgeBenchmark {

    private static final OperatingSystemMXBean OS = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private record Result(String name, long readings, double seconds, double cpuSeconds) {
        double perSecond() {
            return readings / seconds;
        }

        String line() {
            return String.format("%-28s %,10d readings %7.2f s %,12.0f readings/s %6.2f CPU-s per 10k", name, readings, seconds,
                    perSecond(), cpuSeconds / readings * 10_000);
        }
    }

    public static void main(String[] args) throws Exception {
        int gateways = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        int messagesPerGateway = args.length > 1 ? Integer.parseInt(args[1]) : 40;
        int readingsPerMessage = args.length > 2 ? Integer.parseInt(args[2]) : 50;
        long total = (long) gateways * messagesPerGateway * readingsPerMessage;
        System.out.printf("Bridge benchmark: %d gateways x %d messages x %d readings = %,d readings per run; %d cores%n",
                gateways, messagesPerGateway, readingsPerMessage, total, Runtime.getRuntime().availableProcessors());
        List<byte[]> payloads = payloads(gateways, messagesPerGateway, readingsPerMessage);
        try (EmbeddedKafka kafka = EmbeddedKafka.start(); EmbeddedMqttBroker mqtt = EmbeddedMqttBroker.start()) {
            try (Admin admin = kafka.admin()) {
                TopicInstaller.createMissing(admin, Topics.ALL, 6, (short) 1);
            }
            List<Result> results = new ArrayList<>();
            results.add(bareProducer(kafka, gateways, payloads, total));
            results.add(bareSubscriber(mqtt, gateways, messagesPerGateway, payloads, readingsPerMessage));
            results.add(bridge(kafka, mqtt, gateways, messagesPerGateway, payloads, readingsPerMessage));
            results.forEach(r -> System.out.println(r.line()));
            double slower = Math.min(results.get(0).perSecond(), results.get(1).perSecond());
            System.out.printf("bridge / slower baseline = %.2f%n", results.get(2).perSecond() / slower);
        }
    }

    private static List<byte[]> payloads(int gateways, int messagesPerGateway, int readingsPerMessage) {
        List<byte[]> payloads = new ArrayList<>();
        long base = Instant.now().minusSeconds(6 * 3600).toEpochMilli();
        for (int m = 0; m < messagesPerGateway; m++) {
            for (int g = 0; g < gateways; g++) {
                StringBuilder json = new StringBuilder(readingsPerMessage == 1 ? "" : "[");
                for (int r = 0; r < readingsPerMessage; r++) {
                    long seq = (long) m * readingsPerMessage + r;
                    json.append(r > 0 ? "," : "").append("{\"ts\":").append(base + seq * 100).append(",\"seq\":").append(seq)
                            .append(",\"gps\":{\"lat\":51.5,\"lon\":-0.12,\"speedKmh\":3.2},\"engine\":{\"running\":true,\"hourMeter\":")
                            .append(100 + seq / 36000.0).append(",\"loadPct\":55},\"fuel\":{\"levelPct\":54.2}}");
                }
                payloads.add(json.append(readingsPerMessage == 1 ? "" : "]").toString().getBytes(StandardCharsets.UTF_8));
            }
        }
        return payloads;
    }

    private static String gatewayTopic(int index) {
        return "fleet/bench/GW-" + index + "/telemetry";
    }

    /** The same readings, already mapped, sent by a bare producer with the bridge's producer settings. */
    private static Result bareProducer(EmbeddedKafka kafka, int gateways, List<byte[]> payloads, long total) throws Exception {
        PayloadMapper mapper = new PayloadMapper(TopicTemplate.parse("fleet/{tenant}/{equipmentId}/telemetry"),
                new MappingLimits(1 << 20, 10_000, java.time.Duration.ofMinutes(10), java.time.Duration.ofDays(30)), Clock.systemUTC());
        List<TelemetryReading> readings = new ArrayList<>();
        for (int i = 0; i < payloads.size(); i++) {
            MappingResult result = mapper.map(gatewayTopic(i % gateways), payloads.get(i));
            readings.addAll(result.accepted());
        }
        IngestConfig config = config(kafka, null, "bench-producer");
        var serializer = Topics.READINGS.valueSerde(InMemorySchemaRegistry.scope("bench")).serializer();
        CountDownLatch done = new CountDownLatch(readings.size());
        long cpu = OS.getProcessCpuTime();
        long start = System.nanoTime();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config.producerProperties(), new StringSerializer(),
                new org.apache.kafka.common.serialization.ByteArraySerializer())) {
            for (TelemetryReading reading : readings) {
                String key = reading.getTenant() + "/" + reading.getEquipmentId();
                producer.send(new ProducerRecord<>("rigstream.telemetry.readings", key,
                        serializer.serialize("rigstream.telemetry.readings", reading)), (m, e) -> done.countDown());
            }
            done.await(5, TimeUnit.MINUTES);
        }
        return new Result("bare Kafka producer", readings.size(), (System.nanoTime() - start) / 1e9,
                (OS.getProcessCpuTime() - cpu) / 1e9);
    }

    /** Drains the gateways' messages at QoS 1 with automatic acknowledgements and does nothing with them. */
    private static Result bareSubscriber(EmbeddedMqttBroker mqtt, int gateways, int messagesPerGateway, List<byte[]> payloads,
            int readingsPerMessage) throws Exception {
        CountDownLatch done = new CountDownLatch(gateways * messagesPerGateway);
        MqttAsyncClient subscriber = new MqttAsyncClient(mqtt.serverUri(), "bench-bare-subscriber", new MemoryPersistence());
        subscriber.setCallback(new CountingCallback(done));
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setReceiveMaximum(1000);
        subscriber.connect(options).waitForCompletion(30_000);
        subscriber.subscribe(new MqttSubscription("fleet/+/+/telemetry", 1)).waitForCompletion(30_000);
        long cpu = OS.getProcessCpuTime();
        long start = System.nanoTime();
        publishAll(mqtt, gateways, payloads);
        done.await(5, TimeUnit.MINUTES);
        Result result = new Result("bare MQTT subscriber", (long) payloads.size() * readingsPerMessage,
                (System.nanoTime() - start) / 1e9, (OS.getProcessCpuTime() - cpu) / 1e9);
        subscriber.disconnect().waitForCompletion(10_000);
        subscriber.close();
        return result;
    }

    private static Result bridge(EmbeddedKafka kafka, EmbeddedMqttBroker mqtt, int gateways, int messagesPerGateway,
            List<byte[]> payloads, int readingsPerMessage) throws Exception {
        SimpleMeterRegistry metrics = new SimpleMeterRegistry();
        long expected = (long) payloads.size() * readingsPerMessage;
        try (IngestService bridge = new IngestService(config(kafka, mqtt, "bench-bridge"), metrics, new HealthRegistry(),
                Clock.systemUTC())) {
            bridge.start();
            long cpu = OS.getProcessCpuTime();
            long start = System.nanoTime();
            publishAll(mqtt, gateways, payloads);
            while (metrics.find("rigstream.ingest.readings.forwarded").counter() == null
                    || metrics.find("rigstream.ingest.readings.forwarded").counter().count() < expected) {
                Thread.sleep(5);
            }
            return new Result("bridge (MQTT -> Kafka)", expected, (System.nanoTime() - start) / 1e9,
                    (OS.getProcessCpuTime() - cpu) / 1e9);
        }
    }

    private static IngestConfig config(EmbeddedKafka kafka, EmbeddedMqttBroker mqtt, String clientId) {
        Map<String, String> values = new HashMap<>(Map.of("kafka.bootstrap.servers", kafka.bootstrapServers(),
                "schema.registry.url", "mock://bench", "schema.registry.allow-mock", "true", "management.port", "0",
                "mqtt.client-id", clientId, "mqtt.shared-subscription-group", "", "payload.max-bytes", Integer.toString(1 << 20)));
        if (mqtt != null) {
            values.put("mqtt.server-uris", mqtt.serverUri());
        }
        values.putAll(System.getProperties().entrySet().stream().filter(e -> e.getKey().toString().startsWith("kafka.producer."))
                .collect(java.util.stream.Collectors.toMap(e -> e.getKey().toString(), e -> e.getValue().toString())));
        return IngestConfig.load(ConfigInput.ofValues(values));
    }

    /** Gateways publish at QoS 1 over a few connections, each with a bounded window of unacknowledged messages. */
    private static void publishAll(EmbeddedMqttBroker mqtt, int gateways, List<byte[]> payloads) throws Exception {
        int connections = Math.min(gateways, 8);
        List<MqttAsyncClient> clients = new ArrayList<>();
        List<java.util.concurrent.Semaphore> windows = new ArrayList<>();
        for (int c = 0; c < connections; c++) {
            MqttAsyncClient client = new MqttAsyncClient(mqtt.serverUri(), "bench-gw-" + System.nanoTime() + "-" + c, new MemoryPersistence());
            client.connect(new MqttConnectionOptions()).waitForCompletion(30_000);
            clients.add(client);
            windows.add(new java.util.concurrent.Semaphore(100));
        }
        AtomicLong failures = new AtomicLong();
        for (int i = 0; i < payloads.size(); i++) {
            int gateway = i % gateways;
            int c = gateway % connections;
            java.util.concurrent.Semaphore window = windows.get(c);
            window.acquire();
            MqttMessage message = new MqttMessage(payloads.get(i));
            message.setQos(1);
            clients.get(c).publish(gatewayTopic(gateway), message, null, new MqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    window.release();
                }

                @Override
                public void onFailure(IMqttToken token, Throwable exception) {
                    failures.incrementAndGet();
                    window.release();
                }
            });
        }
        for (int c = 0; c < connections; c++) {
            windows.get(c).acquire(100);
            clients.get(c).disconnect().waitForCompletion(10_000);
            clients.get(c).close();
        }
        if (failures.get() > 0) {
            throw new IllegalStateException(failures.get() + " publishes failed");
        }
    }

    /** Counts arrivals; Paho acknowledges each after the callback returns. */
    private static final class CountingCallback implements MqttCallback {
        private final CountDownLatch done;

        CountingCallback(CountDownLatch done) {
            this.done = done;
        }

        @Override
        public void messageArrived(String topic, MqttMessage message) {
            done.countDown();
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
