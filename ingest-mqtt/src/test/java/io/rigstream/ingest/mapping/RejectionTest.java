package io.rigstream.ingest.mapping;

import static io.rigstream.ingest.mapping.MapperFixtures.ADDRESS;
import static io.rigstream.ingest.mapping.MapperFixtures.NOW;
import static io.rigstream.ingest.mapping.MapperFixtures.TOPIC;
import static io.rigstream.ingest.mapping.MapperFixtures.contractExample;
import static io.rigstream.ingest.mapping.MapperFixtures.mapper;
import static io.rigstream.ingest.mapping.MapperFixtures.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import io.rigstream.schemas.RejectedReading;
import io.rigstream.schemas.TelemetryReading;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

/** The records the transport sends: dead letters and readings, as their Avro schemas carry them. */
class RejectionTest {

    @Test
    void perReadingRejectionBecomesADeadLetterKeyedByEquipment() {
        Rejection rejection = new Rejection(ReasonCode.OUT_OF_RANGE, "gps.lat 123.0 outside [-90, 90]", 2,
                utf8("{\"gps\":{\"lat\":123.0}}"), ADDRESS);

        RejectedReading deadLetter = rejection.toAvro(TOPIC, NOW);

        assertThat(deadLetter).isEqualTo(new RejectedReading("OUT_OF_RANGE", "gps.lat 123.0 outside [-90, 90]",
                "ingest", TOPIC, "acme", "EX-0042", 2, ByteBuffer.wrap(utf8("{\"gps\":{\"lat\":123.0}}")), NOW));
        assertThat(rejection.kafkaKey(TOPIC)).isEqualTo("acme/EX-0042");
    }

    @Test
    void badTopicDeadLetterHasNoTenantAndIsKeyedByTheTopic() {
        Rejection rejection = new Rejection(ReasonCode.BAD_TOPIC, "topic ...", null, utf8("{}"), null);

        RejectedReading deadLetter = rejection.toAvro("fleet/x", NOW);

        assertThat(deadLetter.getTenant()).isNull();
        assertThat(deadLetter.getEquipmentId()).isNull();
        assertThat(deadLetter.getReadingIndex()).isNull();
        assertThat(rejection.kafkaKey("fleet/x")).isEqualTo("fleet/x");
    }

    @Test
    void payloadCannotBeChangedFromOutside() {
        byte[] payload = utf8("{}");
        Rejection rejection = new Rejection(ReasonCode.MALFORMED_JSON, "x", null, payload, ADDRESS);

        payload[0] = 'X';
        rejection.payload()[1] = 'X';
        rejection.toAvro(TOPIC, NOW).getPayload().put(0, (byte) 'X');

        assertThat(rejection.payload()).isEqualTo(utf8("{}"));
    }

    @Test
    void rejectionsWithEqualBytesAreEqual() {
        assertThat(new Rejection(ReasonCode.BAD_TYPE, "d", 1, utf8("42"), ADDRESS))
                .isEqualTo(new Rejection(ReasonCode.BAD_TYPE, "d", 1, utf8("42"), ADDRESS))
                .hasSameHashCodeAs(new Rejection(ReasonCode.BAD_TYPE, "d", 1, utf8("42"), ADDRESS))
                .isNotEqualTo(new Rejection(ReasonCode.BAD_TYPE, "d", 1, utf8("43"), ADDRESS));
    }

    @Test
    void everyRejectionOfTheMixedExampleSurvivesAvroEncoding() throws IOException {
        MappingResult result = mapper().map(TOPIC, contractExample("invalid-mixed-batch.json"));

        for (Rejection rejection : result.rejected()) {
            RejectedReading deadLetter = rejection.toAvro(TOPIC, NOW);
            assertThat(roundTrip(deadLetter, RejectedReading.getClassSchema())).isEqualTo(deadLetter);
        }
    }

    @Test
    void acceptedReadingsSurviveAvroEncodingWithEveryExtType() throws IOException {
        TelemetryReading reading = mapper().map(TOPIC, contractExample("single-reading.json")).accepted().get(0);
        TelemetryReading withEveryExtType = TelemetryReading.newBuilder(reading).build();
        withEveryExtType.setExt(mapper().map(TOPIC, utf8("{\"ts\": \"2026-11-23T08:05:00Z\", \"odometerKm\": 1, "
                + "\"ext\": {\"s\": \"x\", \"b\": false, \"l\": 5, \"d\": 5.5}}")).accepted().get(0).getExt());

        assertThat(roundTrip(reading, TelemetryReading.getClassSchema())).isEqualTo(reading);
        assertThat(roundTrip(withEveryExtType, TelemetryReading.getClassSchema())).isEqualTo(withEveryExtType);
    }

    private static <T extends SpecificRecord> T roundTrip(T record, Schema schema) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        new SpecificDatumWriter<T>(schema).write(record, encoder);
        encoder.flush();
        return new SpecificDatumReader<T>(schema).read(null,
                DecoderFactory.get().binaryDecoder(out.toByteArray(), null));
    }
}
