package io.rigstream.ingest.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.rigstream.ingest.forward.MessageForwarder;
import io.rigstream.schemas.RejectedReading;
import io.rigstream.schemas.TelemetryReading;
import io.rigstream.schemas.topics.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bridge between a real MQTT broker and a real Kafka broker, with real Paho clients as gateways. Each subclass runs
 * every scenario on one MQTT broker. Scenarios keep apart by client id, shared subscription group and equipment
 * prefix, so they can share the brokers of the class.
 */
abstract class IngestBridgeScenarios {

    private static final Logger LOG = LoggerFactory.getLogger(IngestBridgeScenarios.class);

    /** The brokers of the concrete class. */
    abstract TestBed bed();

    private KafkaTopicReader<TelemetryReading> readings() {
        return new KafkaTopicReader<>(bed().kafka().bootstrapServers(), bed().registryClient(), Topics.READINGS);
    }

    private Gateways gateways(int maxInFlight, List<String> equipmentIds) throws Exception {
        return new Gateways(bed().mqtt().serverUri(), maxInFlight, equipmentIds);
    }

    @Test
    void hundredThousandReadingsFromFiftyGatewaysArriveExactlyOnceWhenNothingFails() throws Exception {
        ReadingTally tally = new ReadingTally("VOL-");
        try (BridgeUnderTest bridge = new BridgeUnderTest(bed(), Map.of("mqtt.shared-subscription-group", "volume"));
             Gateways gateways = gateways(10, Gateways.ids("VOL-", 50));
             KafkaTopicReader<TelemetryReading> reader = readings()) {
            await().atMost(Duration.ofSeconds(30)).until(bridge::ready);
            for (int batch = 0; batch < 20; batch++) {
                for (int g = 0; g < 50; g++) {
                    String id = String.format("VOL-%02d", g);
                    gateways.publish(id, Gateways.batch(id, batch * 100L, 100));
                }
            }
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(50))
                    .until(() -> tally.poll(reader).distinct() == 100_000);
            assertThat(tally.duplicates()).isZero();
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
        ReadingTally tally = new ReadingTally("OUT-");
        try (BridgeUnderTest bridge = new BridgeUnderTest(bed(), Map.of("mqtt.client-id", "bridge-outage",
                "mqtt.shared-subscription-group", "outage", "mqtt.receive-maximum", Integer.toString(receiveMaximum)));
             Gateways gateways = gateways(20, Gateways.ids("OUT-", 10));
             KafkaTopicReader<TelemetryReading> reader = readings()) {
            await().atMost(Duration.ofSeconds(30)).until(bridge::ready);
            publishSingles(gateways, 0, 1000);
            await().atMost(Duration.ofSeconds(60)).until(() -> tally.poll(reader).distinct() == 1000);

            bed().kafka().stopBroker();
            publishSingles(gateways, 1000, 3000);
            // Kafka is down: the bridge stops acknowledging and reports itself not ready; the broker keeps what it
            // cannot deliver queued in the bridge's session, so the bridge never holds more than its receive maximum
            // of unacknowledged messages (bounded memory).
            await().atMost(Duration.ofSeconds(60)).until(() -> !bridge.ready());
            assertThat(bridge.inFlight()).isBetween(1.0, (double) receiveMaximum);
            assertThat(bridge.received()).isLessThanOrEqualTo(1000 + receiveMaximum);

            bed().kafka().restartBroker();
            // When Kafka returns, everything arrives: nothing was dropped on the way.
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(100))
                    .until(() -> tally.poll(reader).distinct(), n -> n == 3000);
            await().atMost(Duration.ofSeconds(60)).until(bridge::ready);
            assertThat(gateways.failures()).isZero();
        }
    }

    private static void publishSingles(Gateways gateways, long fromSeq, long toSeq) throws Exception {
        for (long seq = fromSeq; seq < toSeq; seq++) {
            gateways.publish(String.format("OUT-%02d", seq % 10), Gateways.single(seq));
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> gateways.awaitingAck() == 0);
    }

    @Test
    void floodOfMalformedPayloadsIsDeadLetteredWhileEveryGoodReadingArrives() throws Exception {
        ReadingTally tally = new ReadingTally("MAL-");
        try (BridgeUnderTest bridge = new BridgeUnderTest(bed(), Map.of("mqtt.client-id", "bridge-malformed",
                "mqtt.shared-subscription-group", "malformed"));
             Gateways gateways = gateways(50, List.of("MAL-1"));
             KafkaTopicReader<TelemetryReading> reader = readings();
             KafkaTopicReader<RejectedReading> rejected = new KafkaTopicReader<>(bed().kafka().bootstrapServers(),
                     bed().registryClient(), Topics.REJECTED)) {
            await().atMost(Duration.ofSeconds(30)).until(bridge::ready);
            List<byte[]> bad = List.of(
                    "{\"ts\": 1, \"engine\": {\"running\": tru".getBytes(StandardCharsets.UTF_8),
                    new byte[] {(byte) 0xC3, (byte) 0x28, '{', '}'},
                    "{\"engine\": {\"running\": true}}".getBytes(StandardCharsets.UTF_8),
                    "{\"ts\": \"2026-11-23T08:00:00Z\", \"gps\": {\"lat\": 123.0, \"lon\": 1}}".getBytes(StandardCharsets.UTF_8));
            for (long seq = 0; seq < 2000; seq++) {
                gateways.publish("MAL-1", Gateways.single(seq));
                gateways.publish("MAL-1", bad.get((int) (seq % bad.size())));
            }
            await().atMost(Duration.ofMinutes(2)).until(() -> tally.poll(reader).distinct() == 2000);
            await().atMost(Duration.ofMinutes(1)).until(() -> rejected.poll().stream()
                    .filter(r -> r.key().equals("acme/MAL-1")).count() == 2000);
            Map<String, Long> reasons = rejected.poll().stream().filter(r -> r.key().equals("acme/MAL-1"))
                    .collect(Collectors.groupingBy(r -> r.value().getReason(), Collectors.counting()));
            assertThat(reasons).isEqualTo(Map.of("MALFORMED_JSON", 1000L, "MISSING_FIELD", 500L, "OUT_OF_RANGE", 500L));
            assertThat(tally.poll(reader).duplicates()).isZero();
            assertThat(bridge.ready()).isTrue();
        }
    }

    /**
     * SIGKILL while readings flow, then gateways keep publishing while no bridge runs, then a bridge starts again with
     * the same client id: the broker hands it the persistent session, with the messages the dead bridge never
     * acknowledged and those that arrived meanwhile. Every reading arrives; the only duplicates are readings the dead
     * bridge had already put in Kafka but not yet acknowledged, so there are at most receive-maximum messages' worth.
     */
    @Test
    void bridgeKilledAbruptlyMidStreamAndRestartedLosesNoReading(TestReporter report) throws Exception {
        int gatewayCount = 20;
        int messagesPerHalf = 50;
        int readingsPerMessage = 20;
        int receiveMaximum = 100;
        int half = gatewayCount * messagesPerHalf * readingsPerMessage;
        Map<String, String> settings = BridgeUnderTest.settings(bed(), Map.of("mqtt.client-id", "bridge-killed",
                "mqtt.shared-subscription-group", "killed", "mqtt.receive-maximum", Integer.toString(receiveMaximum)));
        ReadingTally tally = new ReadingTally("KIL-");
        try (KafkaTopicReader<TelemetryReading> reader = readings();
             Gateways gateways = gateways(20, Gateways.ids("KIL-", gatewayCount))) {
            int inKafkaAtKill;
            try (BridgeProcess bridge = BridgeProcess.start(settings, "killed-bridge-first-run")) {
                await().atMost(Duration.ofSeconds(60)).until(bridge::ready);
                publishKilled(gateways, gatewayCount, 0, messagesPerHalf, readingsPerMessage);
                await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(10))
                        .until(() -> tally.poll(reader).distinct() >= half / 5);
                bridge.kill();
                inKafkaAtKill = tally.distinct();
            }
            assertThat(inKafkaAtKill).as("killed while forwarding, not after").isLessThan(half);

            // No bridge runs: the broker queues these in the dead bridge's session and acknowledges the gateways.
            publishKilled(gateways, gatewayCount, messagesPerHalf, 2 * messagesPerHalf, readingsPerMessage);
            await().atMost(Duration.ofSeconds(60)).until(() -> gateways.awaitingAck() == 0);
            assertThat(gateways.failures()).isZero();

            try (BridgeProcess bridge = BridgeProcess.start(settings, "killed-bridge-second-run")) {
                await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(50))
                        .until(() -> tally.poll(reader).distinct() == 2 * half);
                await().atMost(Duration.ofSeconds(60)).until(bridge::ready);
            }
            String outcome = String.format("%s: %d of %d readings were in Kafka at the SIGKILL; after the restart all %d "
                    + "arrived, %d of them twice", bed().mqtt().description(), inKafkaAtKill, 2 * half, 2 * half, tally.duplicates());
            LOG.info(outcome);
            report.publishEntry("killed-bridge", outcome);
            assertThat(tally.duplicates()).isLessThanOrEqualTo((long) inKafkaAtKill + (long) receiveMaximum * readingsPerMessage);
        }
    }

    private static void publishKilled(Gateways gateways, int gatewayCount, int fromMessage, int toMessage, int readings)
            throws Exception {
        for (int m = fromMessage; m < toMessage; m++) {
            for (int g = 0; g < gatewayCount; g++) {
                String id = String.format("KIL-%02d", g);
                gateways.publish(id, Gateways.batch(id, (long) m * readings, readings));
            }
        }
    }
}
