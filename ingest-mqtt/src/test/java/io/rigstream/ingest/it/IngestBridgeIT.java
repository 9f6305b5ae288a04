package io.rigstream.ingest.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.rigstream.embedded.EmbeddedBrokers;
import io.rigstream.ingest.forward.MessageForwarder;
import io.rigstream.runtime.kafka.TopicInstaller;
import io.rigstream.schemas.RejectedReading;
import io.rigstream.schemas.TelemetryReading;
import io.rigstream.schemas.registry.InMemorySchemaRegistry;
import io.rigstream.schemas.topics.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The bridge between a real MQTT broker (HiveMQ CE) and a real Kafka broker, with real Paho gateways. */
class IngestBridgeIT {

    private static final String REGISTRY = "mock://ingest-it";

    @RegisterExtension
    static final EmbeddedBrokers BROKERS = EmbeddedBrokers.kafkaAndMqtt();

    @BeforeAll
    static void createTopics() throws Exception {
        try (Admin admin = BROKERS.kafka().admin()) {
            TopicInstaller.createMissing(admin, Topics.ALL, 6, (short) 1);
        }
    }

    private static KafkaTopicReader<TelemetryReading> readings() {
        return new KafkaTopicReader<>(BROKERS.kafka().bootstrapServers(), InMemorySchemaRegistry.scope("ingest-it"), Topics.READINGS);
    }

    private static Map<String, Long> countsBySeq(List<ConsumerRecord<String, TelemetryReading>> records, String prefix) {
        return records.stream().filter(r -> r.key().startsWith("acme/" + prefix))
                .collect(Collectors.groupingBy(r -> r.key() + "#" + r.value().getSeq(), Collectors.counting()));
    }

    @Test
    void hundredThousandReadingsFromFiftyGatewaysArriveExactlyOnceWhenNothingFails() throws Exception {
        try (BridgeUnderTest bridge = new BridgeUnderTest(BROKERS.mqtt().serverUri(), BROKERS.kafka().bootstrapServers(), REGISTRY,
                Map.of("mqtt.shared-subscription-group", "volume"));
             Gateways gateways = new Gateways(BROKERS.mqtt().serverUri(), 10);
             KafkaTopicReader<TelemetryReading> reader = readings()) {
            await().atMost(Duration.ofSeconds(30)).until(bridge::ready);
            for (int batch = 0; batch < 20; batch++) {
                for (int g = 0; g < 50; g++) {
                    String id = String.format("VOL-%02d", g);
                    gateways.publish(id, Gateways.batch(id, batch * 100L, 100));
                }
            }
            AtomicReference<Map<String, Long>> counts = new AtomicReference<>(Map.of());
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(50))
                    .until(() -> {
                        counts.set(countsBySeq(reader.poll(), "VOL-"));
                        return counts.get().size() == 100_000;
                    });
            assertThat(counts.get().values()).allMatch(n -> n == 1);
            ConsumerRecord<String, TelemetryReading> any = reader.poll().get(0);
            assertThat(new String(any.headers().lastHeader(MessageForwarder.HEADER_MQTT_TOPIC).value(), StandardCharsets.UTF_8))
                    .isEqualTo(Gateways.topic(any.value().getEquipmentId()));
            assertThat(any.headers().lastHeader(MessageForwarder.HEADER_PAYLOAD_VERSION).value()).asString().isEqualTo("1");
            await().atMost(Duration.ofSeconds(30)).until(() -> gateways.awaitingAck() == 0);
        }
    }

    @Test
    void kafkaOutageHoldsAcknowledgementsBackAndLosesNothing() throws Exception {
        int receiveMaximum = 50;
        try (BridgeUnderTest bridge = new BridgeUnderTest(BROKERS.mqtt().serverUri(), BROKERS.kafka().bootstrapServers(), REGISTRY,
                Map.of("mqtt.client-id", "bridge-outage", "mqtt.shared-subscription-group", "outage",
                        "mqtt.receive-maximum", Integer.toString(receiveMaximum)));
             Gateways gateways = new Gateways(BROKERS.mqtt().serverUri(), 20)) {
            await().atMost(Duration.ofSeconds(30)).until(bridge::ready);
            publishSingles(gateways, 0, 1000);
            try (KafkaTopicReader<TelemetryReading> reader = readings()) {
                await().atMost(Duration.ofSeconds(60)).until(() -> countsBySeq(reader.poll(), "OUT-").size() == 1000);
            }

            BROKERS.kafka().stopBroker();
            publishSingles(gateways, 1000, 3000);
            // Kafka is down: the bridge stops acknowledging and reports itself not ready; the broker keeps what it
            // cannot deliver queued in the bridge's session, so the bridge never holds more than its receive maximum
            // of unacknowledged messages (bounded memory).
            await().atMost(Duration.ofSeconds(60)).until(() -> !bridge.ready());
            assertThat(bridge.inFlight()).isBetween(1.0, (double) receiveMaximum);
            assertThat(bridge.received()).isLessThanOrEqualTo(1000 + receiveMaximum);

            BROKERS.kafka().restartBroker();
            // When Kafka returns, everything arrives: nothing was dropped on the way.
            try (KafkaTopicReader<TelemetryReading> reader = readings()) {
                await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(100))
                        .until(() -> countsBySeq(reader.poll(), "OUT-").size(), n -> n == 3000);
            }
            await().atMost(Duration.ofSeconds(60)).until(bridge::ready);
            assertThat(gateways.failures()).isZero();
        }
    }

    private static void publishSingles(Gateways gateways, long fromSeq, long toSeq) throws Exception {
        for (long seq = fromSeq; seq < toSeq; seq++) {
            gateways.publish("OUT-" + (seq % 10), Gateways.single(seq));
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> gateways.awaitingAck() == 0);
    }

    @Test
    void floodOfMalformedPayloadsIsDeadLetteredWhileEveryGoodReadingArrives() throws Exception {
        try (BridgeUnderTest bridge = new BridgeUnderTest(BROKERS.mqtt().serverUri(), BROKERS.kafka().bootstrapServers(), REGISTRY,
                Map.of("mqtt.client-id", "bridge-malformed", "mqtt.shared-subscription-group", "malformed"));
             Gateways gateways = new Gateways(BROKERS.mqtt().serverUri(), 50);
             KafkaTopicReader<TelemetryReading> reader = readings();
             KafkaTopicReader<RejectedReading> rejected = new KafkaTopicReader<>(BROKERS.kafka().bootstrapServers(),
                     InMemorySchemaRegistry.scope("ingest-it"), Topics.REJECTED)) {
            await().atMost(Duration.ofSeconds(30)).until(bridge::ready);
            List<byte[]> bad = List.of(
                    "{\"ts\": 1, \"engine\": {\"running\": tru".getBytes(StandardCharsets.UTF_8),
                    new byte[] {(byte) 0xC3, (byte) 0x28, '{', '}'},
                    "{\"engine\": {\"running\": true}}".getBytes(StandardCharsets.UTF_8),
                    "{\"ts\": \"2026-11-23T08:00:00Z\", \"gps\": {\"lat\": 123.0, \"lon\": 1}}".getBytes(StandardCharsets.UTF_8));
            Map<String, Long> expectedReasons = new HashMap<>();
            for (long seq = 0; seq < 2000; seq++) {
                gateways.publish("MAL-1", Gateways.single(seq));
                byte[] junk = bad.get((int) (seq % bad.size()));
                gateways.publish("MAL-1", junk);
            }
            await().atMost(Duration.ofMinutes(2)).until(() -> countsBySeq(reader.poll(), "MAL-").size() == 2000);
            await().atMost(Duration.ofMinutes(1)).until(() -> rejected.poll().stream()
                    .filter(r -> r.key().equals("acme/MAL-1")).count() == 2000);
            Map<String, Long> reasons = rejected.poll().stream().filter(r -> r.key().equals("acme/MAL-1"))
                    .collect(Collectors.groupingBy(r -> r.value().getReason(), Collectors.counting()));
            expectedReasons.put("MALFORMED_JSON", 1000L);
            expectedReasons.put("MISSING_FIELD", 500L);
            expectedReasons.put("OUT_OF_RANGE", 500L);
            assertThat(reasons).isEqualTo(expectedReasons);
            assertThat(countsBySeq(reader.poll(), "MAL-").values()).allMatch(n -> n == 1);
            assertThat(bridge.ready()).isTrue();
        }
    }
}
