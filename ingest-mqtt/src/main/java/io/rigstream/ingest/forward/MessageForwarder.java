package io.rigstream.ingest.forward;

import io.rigstream.ingest.kafka.RecordPublisher;
import io.rigstream.ingest.mapping.MappingResult;
import io.rigstream.ingest.mapping.PayloadMapper;
import io.rigstream.ingest.mapping.Rejection;
import io.rigstream.ingest.metrics.IngestMetrics;
import io.rigstream.ingest.mqtt.GatewayMessageHandler;
import io.rigstream.ingest.mqtt.InOrderAcknowledger;
import io.rigstream.schemas.RejectedReading;
import io.rigstream.schemas.TelemetryReading;
import io.rigstream.schemas.topics.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Turns one gateway message into Kafka records: accepted readings to the readings topic, each rejected one (or the
 * whole message) to the dead-letter topic. The MQTT message is acknowledged only after every one of its records is
 * durable in Kafka.
 */
public final class MessageForwarder implements GatewayMessageHandler {

    public static final String HEADER_MQTT_TOPIC = "rigstream.mqtt.topic";
    public static final String HEADER_RECEIVED_TS = "rigstream.received.ts";
    public static final String HEADER_PAYLOAD_VERSION = "rigstream.payload.version";
    private static final byte[] PAYLOAD_VERSION = "1".getBytes(StandardCharsets.UTF_8);

    private final PayloadMapper mapper;
    private final RecordPublisher publisher;
    private final Serializer<TelemetryReading> readingSerializer;
    private final Serializer<RejectedReading> rejectedSerializer;
    private final IngestMetrics metrics;
    private final Clock clock;

    public MessageForwarder(PayloadMapper mapper, RecordPublisher publisher, Serializer<TelemetryReading> readingSerializer,
            Serializer<RejectedReading> rejectedSerializer, IngestMetrics metrics, Clock clock) {
        this.mapper = mapper;
        this.publisher = publisher;
        this.readingSerializer = readingSerializer;
        this.rejectedSerializer = rejectedSerializer;
        this.metrics = metrics;
        this.clock = clock;
    }

    @Override
    public void onMessage(String topic, byte[] payload, InOrderAcknowledger.Pending ack) {
        metrics.messageReceived(payload.length);
        Instant receivedAt = clock.instant();
        MappingResult result = mapper.map(topic, payload);
        int records = result.accepted().size() + result.rejected().size();
        if (records == 0) {
            complete(ack);
            return;
        }
        RecordHeaders headers = headers(topic, receivedAt);
        AtomicInteger outstanding = new AtomicInteger(records);
        Runnable oneDurable = () -> {
            if (outstanding.decrementAndGet() == 0) {
                complete(ack);
            }
        };
        // Record time is the receive time, not the device time: retention must not delete a days-late reading on arrival.
        String readingsTopic = Topics.READINGS.name();
        for (TelemetryReading reading : result.accepted()) {
            String key = reading.getTenant() + "/" + reading.getEquipmentId();
            publisher.send(new ProducerRecord<>(readingsTopic, null, receivedAt.toEpochMilli(), key,
                    readingSerializer.serialize(readingsTopic, reading), headers), () -> {
                metrics.readingForwarded();
                oneDurable.run();
            });
        }
        String rejectedTopic = Topics.REJECTED.name();
        for (Rejection rejection : result.rejected()) {
            RejectedReading deadLetter = rejection.toAvro(topic, receivedAt);
            String key = deadLetter.getTenant() != null && deadLetter.getEquipmentId() != null
                    ? deadLetter.getTenant() + "/" + deadLetter.getEquipmentId() : topic;
            publisher.send(new ProducerRecord<>(rejectedTopic, null, receivedAt.toEpochMilli(), key,
                    rejectedSerializer.serialize(rejectedTopic, deadLetter), headers), () -> {
                metrics.readingRejected(deadLetter.getReason());
                oneDurable.run();
            });
        }
    }

    private void complete(InOrderAcknowledger.Pending ack) {
        ack.complete();
        metrics.mqttAckLatency(System.nanoTime() - ack.arrivedNanos());
    }

    private static RecordHeaders headers(String topic, Instant receivedAt) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(HEADER_MQTT_TOPIC, topic.getBytes(StandardCharsets.UTF_8));
        headers.add(HEADER_RECEIVED_TS, Long.toString(receivedAt.toEpochMilli()).getBytes(StandardCharsets.UTF_8));
        headers.add(HEADER_PAYLOAD_VERSION, PAYLOAD_VERSION);
        return headers;
    }
}
