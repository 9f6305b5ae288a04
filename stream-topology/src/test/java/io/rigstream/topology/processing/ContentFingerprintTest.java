package io.rigstream.topology.processing;

import static org.assertj.core.api.Assertions.assertThat;

import io.rigstream.schemas.EngineStatus;
import io.rigstream.schemas.Fault;
import io.rigstream.schemas.FuelStatus;
import io.rigstream.schemas.Lamp;
import io.rigstream.schemas.Location;
import io.rigstream.schemas.TelemetryReading;
import io.rigstream.topology.testing.Telemetry;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.apache.avro.SchemaNormalization;
import org.junit.jupiter.api.Test;

class ContentFingerprintTest {

    private static final Instant RECEIVED = Instant.parse("2026-03-02T09:00:05Z");

    @Test
    void equalsTheHashOfTheSingleObjectEncodingWithTheReceiptTimeBlanked() throws Exception {
        TelemetryReading reading = Telemetry.at("2026-03-02T09:00:00Z").seq(7).running(true).meter(1200.5).speed(3.0)
                .position(51.5, -0.12).fuel(40).receivedAt(RECEIVED).faults(Telemetry.red(110, 0)).build();

        assertThat(ContentFingerprint.of(reading)).isEqualTo(fnvOfEncodingWithEpochReceipt(reading));
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

    /**
     * The hash is computed field by field in the order of the reading schema. When the schema changes, this fails:
     * add the new field to {@link ContentFingerprint} and to {@link #randomReading}, then update the constant.
     */
    @Test
    void isWrittenForTheCurrentReadingSchema() {
        assertThat(SchemaNormalization.parsingFingerprint64(TelemetryReading.getClassSchema()))
                .as("TelemetryReading's schema changed: ContentFingerprint must hash its new fields")
                .isEqualTo(READING_SCHEMA_FINGERPRINT);
    }

    @Property(tries = 2000)
    void equalsTheHashOfTheEncodingForAnyContent(@ForAll long seed) throws Exception {
        TelemetryReading reading = randomReading(new Random(seed));

        assertThat(ContentFingerprint.of(reading)).isEqualTo(fnvOfEncodingWithEpochReceipt(reading));
    }

    private static final long READING_SCHEMA_FINGERPRINT = 69644326879534658L;

    /** Every field, each optional one present or absent at random, with values of every size class. */
    private static TelemetryReading randomReading(Random random) {
        Location gps = random.nextInt(4) == 0 ? null : Location.newBuilder()
                .setLatitude(maybeDouble(random)).setLongitude(maybeDouble(random))
                .setAltitudeMetres(maybeDouble(random)).setSpeedKmh(maybeDouble(random))
                .setHeadingDegrees(maybeDouble(random)).setHdop(maybeDouble(random))
                .setSatellites(random.nextBoolean() ? null : anyInt(random)).build();
        EngineStatus engine = random.nextInt(4) == 0 ? null : EngineStatus.newBuilder()
                .setRunning(random.nextInt(3) == 0 ? null : random.nextBoolean())
                .setCumulativeOperatingHours(maybeDouble(random)).setCumulativeIdleHours(maybeDouble(random))
                .setRpm(maybeDouble(random)).setLoadPct(maybeDouble(random)).build();
        FuelStatus fuel = random.nextInt(4) == 0 ? null : FuelStatus.newBuilder()
                .setRemainingPct(maybeDouble(random)).setCumulativeUsedLitres(maybeDouble(random))
                .setTankCapacityLitres(maybeDouble(random)).build();
        List<Fault> faults = random.nextInt(3) == 0 ? null : random.ints(random.nextInt(4)).mapToObj(i -> Fault.newBuilder()
                .setSpn(anyInt(random)).setFmi(random.nextInt(32)).setLamp(Lamp.values()[random.nextInt(Lamp.values().length)])
                .setActive(random.nextBoolean()).setOccurrenceCount(random.nextBoolean() ? null : anyInt(random))
                .setSourceAddress(random.nextBoolean() ? null : random.nextInt(256)).build()).toList();
        Map<String, Object> ext = new LinkedHashMap<>();
        for (int i = random.nextInt(5); i > 0; i--) {
            Object value = switch (random.nextInt(4)) {
                case 0 -> anyString(random);
                case 1 -> anyLong(random);
                case 2 -> random.nextDouble() * 1e6;
                default -> random.nextBoolean();
            };
            ext.put(anyString(random), value);
        }
        return TelemetryReading.newBuilder().setTenant(anyString(random)).setEquipmentId(anyString(random))
                .setDeviceTs(Instant.ofEpochMilli(anyLong(random) >>> 24)).setSeq(random.nextBoolean() ? null : anyLong(random))
                .setReceivedTs(Instant.ofEpochMilli(random.nextLong() >>> 24)).setGps(gps).setEngine(engine).setFuel(fuel)
                .setCumulativeDistanceKm(maybeDouble(random)).setFaults(faults).setExt(ext).build();
    }

    private static Double maybeDouble(Random random) {
        return switch (random.nextInt(5)) {
            case 0 -> null;
            case 1 -> -random.nextDouble() * 1e4;
            case 2 -> Double.NaN;
            default -> random.nextDouble() * 1e6;
        };
    }

    /** Small, negative and large values: the varint encoding differs in length for each. */
    private static long anyLong(Random random) {
        return switch (random.nextInt(4)) {
            case 0 -> random.nextInt(64);
            case 1 -> -random.nextInt(100_000);
            case 2 -> random.nextLong();
            default -> random.nextLong() >>> random.nextInt(64);
        };
    }

    private static int anyInt(Random random) {
        return random.nextBoolean() ? random.nextInt(200) - 100 : random.nextInt();
    }

    private static String anyString(Random random) {
        String[] parts = {"", "ex", "acme", "Bagger-Ä", "挖掘机", "ü", "-", "200"};
        StringBuilder s = new StringBuilder();
        for (int i = random.nextInt(4); i > 0; i--) {
            s.append(parts[random.nextInt(parts.length)]);
        }
        return s.toString();
    }

    /**
     * The straightforward computation: blank the receipt time, encode, FNV-1a 64 over the bytes. The reading itself
     * is encoded, not a copy: a copy's map would be a new hash map, whose entries may come in another order.
     */
    private static long fnvOfEncodingWithEpochReceipt(TelemetryReading reading) throws Exception {
        Instant received = reading.getReceivedTs();
        reading.setReceivedTs(Instant.EPOCH);
        ByteBuffer bytes = reading.toByteBuffer();
        reading.setReceivedTs(received);
        long hash = 0xcbf29ce484222325L;
        while (bytes.hasRemaining()) {
            hash ^= bytes.get() & 0xff;
            hash *= 0x100000001b3L;
        }
        return hash;
    }
}
