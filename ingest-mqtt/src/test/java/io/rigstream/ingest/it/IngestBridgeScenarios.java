package io.rigstream.ingest.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.rigstream.ingest.forward.MessageForwarder;
import io.rigstream.schemas.RejectedReading;
import io.rigstream.schemas.TelemetryReading;
import io.rigstream.schemas.topics.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
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
     * A gateway that publishes the moment the bridge process says ready loses nothing, because ready means subscribed.
     * An MQTT broker drops a message that matches no subscription (HiveMQ acknowledges it with reason code 0x10, "no
     * matching subscribers"; the gateway sees a successful PUBACK), and the persistent session only queues for the
     * bridge once its first SUBSCRIBE is through. The bridge process opens its management port before the bridge is
     * built, as {@code rigstream ingest} does: a readiness answer with no check registered yet used to read as ready,
     * and the end-to-end bridge kill test lost the first readings it published in that window.
     */
    @Test
    void gatewaysPublishingTheMomentTheBridgeProcessIsReadyLoseNothing() throws Exception {
        Map<String, String> settings = BridgeUnderTest.settings(bed(), Map.of("mqtt.client-id", "bridge-ready",
                "mqtt.shared-subscription-group", "", "mqtt.session-expiry.seconds", "10"));
        ReadingTally tally = new ReadingTally("RDY-");
        try (KafkaTopicReader<TelemetryReading> reader = readings();
             Gateways gateways = gateways(50, List.of("RDY-1"));
             BridgeProcess bridge = BridgeProcess.start(settings, "bridge-ready")) {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(5)).until(bridge::ready);
            for (long seq = 0; seq < 500; seq++) {
                gateways.publish("RDY-1", Gateways.single(seq));
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> gateways.awaitingAck() == 0);
            assertThat(gateways.unrouted()).as("messages the broker acknowledged without a subscription to route them to").isZero();
            await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(50))
                    .until(() -> tally.poll(reader).distinct() == 500);
        }
    }

    /**
     * SIGKILL while readings flow, then gateways keep publishing while no bridge runs, then a bridge starts again with
     * the same client id: the broker hands it the persistent session, with the messages the dead bridge never
     * acknowledged and those that arrived meanwhile, and gateways go on publishing to the new bridge. Every reading
     * arrives; the only duplicates are readings the dead bridge had already put in Kafka but not yet acknowledged.
     * Several bridges share the load through a shared subscription ({@code $share/<group>/...}).
     */
    @Test
    void bridgeKilledAbruptlyMidStreamAndRestartedLosesNoReading(TestReporter report) throws Exception {
        killAndRestart("bridge-killed", "killed", "KIL-", report);
    }

    /**
     * The same with a plain subscription, as a single bridge (and the end-to-end tests) runs it: the messages of the
     * dead bridge's session are queued for its client id, not for a shared group.
     */
    @Test
    void bridgeOnAPlainSubscriptionKilledAbruptlyMidStreamAndRestartedLosesNoReading(TestReporter report) throws Exception {
        killAndRestart("bridge-killed-plain", "", "KIP-", report);
    }

    private void killAndRestart(String clientId, String sharedGroup, String prefix, TestReporter report) throws Exception {
        int gatewayCount = 20;
        int messagesPerPart = 50;
        int readingsPerMessage = 20;
        int receiveMaximum = 100;
        int part = gatewayCount * messagesPerPart * readingsPerMessage;
        Map<String, String> settings = BridgeUnderTest.settings(bed(), Map.of("mqtt.client-id", clientId,
                "mqtt.shared-subscription-group", sharedGroup, "mqtt.receive-maximum", Integer.toString(receiveMaximum)));
        ReadingTally tally = new ReadingTally(prefix);
        try (KafkaTopicReader<TelemetryReading> reader = readings();
             Gateways gateways = gateways(20, Gateways.ids(prefix, gatewayCount))) {
            int inKafkaAtKill;
            try (BridgeProcess bridge = BridgeProcess.start(settings, clientId + "-first-run")) {
                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(10)).until(bridge::ready);
                publishKilled(gateways, prefix, gatewayCount, 0, messagesPerPart, readingsPerMessage);
                await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(10))
                        .until(() -> tally.poll(reader).distinct() >= part / 5);
                bridge.kill();
                inKafkaAtKill = tally.distinct();
            }
            assertThat(inKafkaAtKill).as("killed while forwarding, not after").isLessThan(part);

            // No bridge runs: the broker queues these in the dead bridge's session and acknowledges the gateways.
            publishKilled(gateways, prefix, gatewayCount, messagesPerPart, 2 * messagesPerPart, readingsPerMessage);
            await().atMost(Duration.ofSeconds(60)).until(() -> gateways.awaitingAck() == 0);
            assertThat(gateways.failures()).isZero();

            try (BridgeProcess bridge = BridgeProcess.start(settings, clientId + "-second-run")) {
                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(10)).until(bridge::ready);
                publishKilled(gateways, prefix, gatewayCount, 2 * messagesPerPart, 3 * messagesPerPart, readingsPerMessage);
                await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(50))
                        .until(() -> tally.poll(reader).distinct() == 3 * part);
                await().atMost(Duration.ofSeconds(60)).until(bridge::ready);
            }
            assertThat(gateways.failures()).isZero();
            assertThat(gateways.unrouted()).as("messages the broker acknowledged without a subscription to route them to").isZero();
            String outcome = String.format("%s, %s: %d of %d readings were in Kafka at the SIGKILL; after the restart all %d "
                    + "arrived, %d of them twice", bed().mqtt().description(),
                    sharedGroup.isEmpty() ? "plain subscription" : "shared subscription", inKafkaAtKill, 3 * part, 3 * part,
                    tally.duplicates());
            LOG.info(outcome);
            report.publishEntry(clientId, outcome);
            assertThat(tally.duplicates()).isLessThanOrEqualTo((long) inKafkaAtKill + (long) receiveMaximum * readingsPerMessage);
        }
    }

    private static void publishKilled(Gateways gateways, String prefix, int gatewayCount, int fromMessage, int toMessage,
            int readings) throws Exception {
        for (int m = fromMessage; m < toMessage; m++) {
            for (int g = 0; g < gatewayCount; g++) {
                String id = String.format("%s%02d", prefix, g);
                gateways.publish(id, Gateways.batch(id, (long) m * readings, readings));
            }
        }
    }
}
