package io.rigstream.ingest.mapping;

import io.rigstream.schemas.RejectedReading;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * A message, or one reading of it, that was not accepted.
 *
 * @param reason       the contract's reason code
 * @param detail       human-readable, naming the field and offending value, e.g. {@code gps.lat 123.0 outside [-90, 90]}
 * @param readingIndex 0-based index of the reading in a batch or array; null when the whole message was rejected,
 *                     which includes a message that is a single reading
 * @param payload      the raw message (whole-message rejects) or the offending reading re-serialised as JSON
 * @param address      tenant and equipment from the topic; null when the topic did not match the template
 */
public record Rejection(ReasonCode reason, String detail, Integer readingIndex, byte[] payload, TopicAddress address) {

    /** The stage name the rejected-readings topic uses for the bridge. */
    public static final String STAGE = "ingest";

    public Rejection {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(detail, "detail");
        payload = Objects.requireNonNull(payload, "payload").clone();
    }

    /** A copy: the record stays immutable. */
    @Override
    public byte[] payload() {
        return payload.clone();
    }

    /** The Kafka key of the dead letter: {@code tenant/equipmentId} when known, else the MQTT topic. */
    public String kafkaKey(String sourceTopic) {
        return address == null ? sourceTopic : address.kafkaKey();
    }

    /** The dead letter for the rejected-readings topic. */
    public RejectedReading toAvro(String sourceTopic, Instant receivedAt) {
        Objects.requireNonNull(sourceTopic, "sourceTopic");
        Objects.requireNonNull(receivedAt, "receivedAt");
        return new RejectedReading(reason.name(), detail, STAGE, sourceTopic,
                address == null ? null : address.tenant(),
                address == null ? null : address.equipmentId(),
                readingIndex, ByteBuffer.wrap(payload()), receivedAt);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Rejection that
                && reason == that.reason
                && detail.equals(that.detail)
                && Objects.equals(readingIndex, that.readingIndex)
                && Arrays.equals(payload, that.payload)
                && Objects.equals(address, that.address);
    }

    @Override
    public int hashCode() {
        return Objects.hash(reason, detail, readingIndex, Arrays.hashCode(payload), address);
    }

    @Override
    public String toString() {
        return "Rejection[reason=" + reason + ", detail=" + detail + ", readingIndex=" + readingIndex
                + ", payload=" + payload.length + " bytes, address=" + address + "]";
    }
}
