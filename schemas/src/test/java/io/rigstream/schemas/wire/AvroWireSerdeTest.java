package io.rigstream.schemas.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rigstream.schemas.Fault;
import io.rigstream.schemas.Lamp;
import io.rigstream.schemas.Location;
import io.rigstream.schemas.TelemetryReading;
import io.rigstream.schemas.registry.InMemorySchemaRegistry;
import io.rigstream.schemas.registry.SchemaRegistryClient;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class AvroWireSerdeTest {

    private static TelemetryReading reading() {
        return TelemetryReading.newBuilder()
                .setTenant("acme").setEquipmentId("EX-0042")
                .setDeviceTs(Instant.parse("2026-11-23T07:15:02Z")).setSeq(18234L)
                .setReceivedTs(Instant.parse("2026-11-23T07:15:03Z"))
                .setGps(Location.newBuilder().setLatitude(51.50721).setLongitude(-0.12758).build())
                .setFaults(List.of(Fault.newBuilder().setSpn(110).setFmi(0).setLamp(Lamp.RED).build()))
                .setExt(Map.of("fw", "3.1.4"))
                .build();
    }

    @Test
    void writesMagicByteThenBigEndianSchemaIdThenAvroBody() throws Exception {
        SchemaRegistryClient registry = InMemorySchemaRegistry.scope("wire-bytes-" + System.nanoTime());
        // Occupy id 1 so the reading's schema gets id 2: the id bytes must then read 00 00 00 02.
        registry.register("other-value", SchemaBuilder.record("Other").fields().requiredInt("x").endRecord());
        AvroWireSerde<TelemetryReading> serde = AvroWireSerde.forValues(registry, TelemetryReading.class);

        byte[] bytes = serde.serializer().serialize("rigstream.telemetry.readings", reading());

        assertThat(bytes[0]).isEqualTo((byte) 0);
        assertThat(new byte[] {bytes[1], bytes[2], bytes[3], bytes[4]}).containsExactly(0, 0, 0, 2);
        ByteArrayOutputStream expectedBody = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(expectedBody, null);
        new org.apache.avro.specific.SpecificDatumWriter<TelemetryReading>(TelemetryReading.getClassSchema()).write(reading(), encoder);
        encoder.flush();
        assertThat(java.util.Arrays.copyOfRange(bytes, 5, bytes.length)).containsExactly(expectedBody.toByteArray());
    }

    @Test
    void roundTripGivesAnEqualRecord() {
        SchemaRegistryClient registry = InMemorySchemaRegistry.scope("round-trip");
        AvroWireSerde<TelemetryReading> serde = AvroWireSerde.forValues(registry, TelemetryReading.class);
        byte[] bytes = serde.serializer().serialize("t", reading());
        assertThat(serde.deserializer().deserialize("t", bytes)).isEqualTo(reading());
    }

    @Test
    void nullStaysNullForTombstones() {
        AvroWireSerde<TelemetryReading> serde = AvroWireSerde.forValues(InMemorySchemaRegistry.scope("null"), TelemetryReading.class);
        assertThat(serde.serializer().serialize("t", null)).isNull();
        assertThat(serde.deserializer().deserialize("t", null)).isNull();
    }

    @Test
    void registersUnderTopicValueAndTopicKeySubjects() {
        RecordingRegistry registry = new RecordingRegistry();
        AvroWireSerde.forValues(registry, TelemetryReading.class).serializer().serialize("readings", reading());
        AvroWireSerde.forKeys(registry, TelemetryReading.class).serializer().serialize("readings", reading());
        assertThat(registry.subjects).containsExactly("readings-value", "readings-key");
    }

    @Test
    void readerWithTheNewSchemaReadsDataWrittenWithAnOldOne() throws Exception {
        // An older writer schema of TelemetryReading, before gps, faults, ext and the other optional fields existed.
        Schema old = new Schema.Parser().parse("""
                {"type":"record","name":"TelemetryReading","namespace":"io.rigstream.schemas","fields":[
                  {"name":"tenant","type":"string"},
                  {"name":"equipmentId","type":"string"},
                  {"name":"deviceTs","type":{"type":"long","logicalType":"timestamp-millis"}},
                  {"name":"receivedTs","type":{"type":"long","logicalType":"timestamp-millis"}}]}
                """);
        SchemaRegistryClient registry = InMemorySchemaRegistry.scope("evolution");
        int oldId = registry.register("t-value", old);
        GenericRecord record = new GenericData.Record(old);
        record.put("tenant", "acme");
        record.put("equipmentId", "EX-1");
        record.put("deviceTs", 1_000L);
        record.put("receivedTs", 2_000L);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0);
        out.write(ByteBuffer.allocate(4).putInt(oldId).array());
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        new GenericDatumWriter<GenericRecord>(old).write(record, encoder);
        encoder.flush();

        TelemetryReading read = AvroWireSerde.forValues(registry, TelemetryReading.class).deserializer()
                .deserialize("t", out.toByteArray());

        assertThat(read.getEquipmentId()).isEqualTo("EX-1");
        assertThat(read.getDeviceTs()).isEqualTo(Instant.ofEpochMilli(1_000));
        assertThat(read.getSeq()).isNull();
        assertThat(read.getFaults()).isNull();
        assertThat(read.getExt()).isEmpty();
    }

    @Test
    void refusesBytesWithoutTheMagicByte() {
        AvroWireSerde<TelemetryReading> serde = AvroWireSerde.forValues(InMemorySchemaRegistry.scope("magic"), TelemetryReading.class);
        assertThatThrownBy(() -> serde.deserializer().deserialize("t", new byte[] {1, 0, 0, 0, 1, 2}))
                .isInstanceOf(SerializationException.class).hasMessageContaining("magic byte 0");
        assertThatThrownBy(() -> serde.deserializer().deserialize("t", new byte[] {0, 0}))
                .isInstanceOf(SerializationException.class).hasMessageContaining("5-byte");
    }

    /** Remembers the subjects it was asked to register under. */
    private static final class RecordingRegistry implements SchemaRegistryClient {
        final List<String> subjects = new java.util.ArrayList<>();

        @Override
        public int register(String subject, Schema schema) {
            subjects.add(subject);
            return 1;
        }

        @Override
        public Schema schemaById(int id) {
            return TelemetryReading.getClassSchema();
        }
    }
}
