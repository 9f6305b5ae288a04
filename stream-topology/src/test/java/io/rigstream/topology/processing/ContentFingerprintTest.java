package io.rigstream.topology.processing;

import static org.assertj.core.api.Assertions.assertThat;

import io.rigstream.schemas.TelemetryReading;
import io.rigstream.topology.testing.Telemetry;
import java.nio.ByteBuffer;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ContentFingerprintTest {

    private static final Instant RECEIVED = Instant.parse("2026-03-02T09:00:05Z");

    @Test
    void equalsTheHashOfTheSingleObjectEncodingWithTheReceiptTimeBlanked() throws Exception {
        TelemetryReading reading = Telemetry.at("2026-03-02T09:00:00Z").seq(7).running(true).meter(1200.5).speed(3.0)
                .position(51.5, -0.12).fuel(40).receivedAt(RECEIVED).faults(Telemetry.red(110, 0)).build();

        assertThat(ContentFingerprint.of(reading)).isEqualTo(fnvOfCopyWithEpochReceipt(reading));
    }

    @Test
    void ignoresTheReceiptTimeAndRestoresIt() {
        TelemetryReading first = Telemetry.at("2026-03-02T09:00:00Z").seq(7).meter(1200.5).receivedAt(RECEIVED).build();
        TelemetryReading resent = Telemetry.at("2026-03-02T09:00:00Z").seq(7).meter(1200.5)
                .receivedAt(RECEIVED.plusSeconds(3600)).build();

        assertThat(ContentFingerprint.of(first)).isEqualTo(ContentFingerprint.of(resent));
        assertThat(first.getReceivedTs()).isEqualTo(RECEIVED);
    }

    @Test
    void tellsDifferentContentApart() {
        TelemetryReading reading = Telemetry.at("2026-03-02T09:00:00Z").seq(7).meter(1200.5).receivedAt(RECEIVED).build();
        TelemetryReading otherMeter = Telemetry.at("2026-03-02T09:00:00Z").seq(7).meter(1200.6).receivedAt(RECEIVED).build();

        assertThat(ContentFingerprint.of(reading)).isNotEqualTo(ContentFingerprint.of(otherMeter));
    }

    /** The straightforward computation: copy, blank the receipt time, encode, FNV-1a 64 over the bytes. */
    private static long fnvOfCopyWithEpochReceipt(TelemetryReading reading) throws Exception {
        ByteBuffer bytes = TelemetryReading.newBuilder(reading).setReceivedTs(Instant.EPOCH).build().toByteBuffer();
        long hash = 0xcbf29ce484222325L;
        while (bytes.hasRemaining()) {
            hash ^= bytes.get() & 0xff;
            hash *= 0x100000001b3L;
        }
        return hash;
    }
}
