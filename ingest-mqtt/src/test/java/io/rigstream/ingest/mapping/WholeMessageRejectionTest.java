package io.rigstream.ingest.mapping;

import static io.rigstream.ingest.mapping.MapperFixtures.ADDRESS;
import static io.rigstream.ingest.mapping.MapperFixtures.TOPIC;
import static io.rigstream.ingest.mapping.MapperFixtures.map;
import static io.rigstream.ingest.mapping.MapperFixtures.mapper;
import static io.rigstream.ingest.mapping.MapperFixtures.onlyRejection;
import static io.rigstream.ingest.mapping.MapperFixtures.reading;
import static io.rigstream.ingest.mapping.MapperFixtures.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Rejections of a whole message: they carry the raw body and no reading index. */
class WholeMessageRejectionTest {

    private static final String VALID = reading("\"odometerKm\": 1");

    @Test
    void topicOutsideTheTemplateIsBadTopicAndKeyedByTheTopic() {
        byte[] body = utf8(VALID);

        Rejection rejection = onlyRejection(mapper().map("fleet/acme/EX-0042/status", body));

        assertThat(rejection.reason()).isEqualTo(ReasonCode.BAD_TOPIC);
        assertThat(rejection.detail()).isEqualTo("topic 'fleet/acme/EX-0042/status' does not match the template "
                + "'fleet/{tenant}/{equipmentId}/telemetry'");
        assertThat(rejection.readingIndex()).isNull();
        assertThat(rejection.address()).isNull();
        assertThat(rejection.payload()).isEqualTo(body);
        assertThat(rejection.kafkaKey("fleet/acme/EX-0042/status")).isEqualTo("fleet/acme/EX-0042/status");
    }

    @Test
    void badTopicIsReportedBeforeAnythingAboutTheBody() {
        MappingResult result = mapper().map("fleet/acme", utf8("not json"));

        assertThat(onlyRejection(result).reason()).isEqualTo(ReasonCode.BAD_TOPIC);
        assertThat(result.address()).isNull();
    }

    @Test
    void nullTopicAndNullPayloadAreRejectedNotThrown() {
        assertThat(onlyRejection(mapper().map(null, utf8(VALID))).reason()).isEqualTo(ReasonCode.BAD_TOPIC);
        Rejection noBody = onlyRejection(mapper().map(TOPIC, null));
        assertThat(noBody.reason()).isEqualTo(ReasonCode.MALFORMED_JSON);
        assertThat(noBody.payload()).isEmpty();
    }

    @Test
    void bodyAtTheByteLimitIsReadAndOneByteOverIsTooLarge() {
        MappingLimits limits = new MappingLimits(100, 10, Duration.ofMinutes(10), Duration.ofDays(30));
        String hundredBytes = VALID + " ".repeat(100 - VALID.length());
        String hundredAndOne = hundredBytes + " ";

        assertThat(mapper(limits).map(TOPIC, utf8(hundredBytes)).accepted()).hasSize(1);
        Rejection rejection = onlyRejection(mapper(limits).map(TOPIC, utf8(hundredAndOne)));
        assertThat(rejection.reason()).isEqualTo(ReasonCode.TOO_LARGE);
        assertThat(rejection.detail()).startsWith("body of 101 bytes exceeds the limit of 100 bytes");
        assertThat(rejection.payload()).isEqualTo(utf8(hundredBytes));
    }

    @Test
    void batchOfTenThousandReadingsIsAccepted() {
        // 10,000 readings of ~60 bytes do not fit the default 256 KiB, so only the count limit is default here.
        MappingLimits limits = new MappingLimits(1 << 20, 10_000, Duration.ofMinutes(10), Duration.ofDays(30));

        MappingResult result = mapper(limits).map(TOPIC, utf8(batchOf(10_000)));

        assertThat(result.rejected()).isEmpty();
        assertThat(result.accepted()).hasSize(10_000);
        assertThat(result.accepted().get(9_999).getSeq()).isEqualTo(9_999L);
    }

    @Test
    void batchOfTenThousandAndOneReadingsIsTooLarge() {
        MappingLimits limits = new MappingLimits(1 << 20, 10_000, Duration.ofMinutes(10), Duration.ofDays(30));

        Rejection rejection = onlyRejection(mapper(limits).map(TOPIC, utf8(batchOf(10_001))));

        assertThat(rejection.reason()).isEqualTo(ReasonCode.TOO_LARGE);
        assertThat(rejection.detail()).isEqualTo("batch of 10001 readings exceeds the limit of 10000");
        assertThat(rejection.readingIndex()).isNull();
    }

    @Test
    void bareArrayOverTheDefaultCountIsTooLargeEvenWhenItsBytesFit() {
        String tenThousandAndOneEmptyObjects = "[" + String.join(",", Collections.nCopies(10_001, "{}")) + "]";

        Rejection rejection = onlyRejection(map(tenThousandAndOneEmptyObjects));

        assertThat(rejection.reason()).isEqualTo(ReasonCode.TOO_LARGE);
        assertThat(rejection.detail()).isEqualTo("batch of 10001 readings exceeds the limit of 10000");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "not json",
            "{\"ts\": \"2026-11-23T08:05:00Z\", \"odometerKm\": 1",  // truncated
            "{\"ts\": 1} trailing",
            "{} {}",
            "{'ts': 1}",
            "{\"ts\": 1, /* comment */ \"odometerKm\": 1}",
            "{\"odometerKm\": NaN}",
            "{\"odometerKm\": 01}",
            "[1,]",
            "",
            "   \n\t "})
    void bodyThatIsNotStrictJsonIsMalformed(String body) {
        Rejection rejection = onlyRejection(map(body));

        assertThat(rejection.reason()).isEqualTo(ReasonCode.MALFORMED_JSON);
        assertThat(rejection.readingIndex()).isNull();
        assertThat(rejection.payload()).isEqualTo(utf8(body));
        assertThat(rejection.address()).isEqualTo(ADDRESS);
    }

    @Test
    void duplicateKeysAreMalformedBecauseTheirMeaningDependsOnTheParser() {
        Rejection rejection = onlyRejection(map(
                "{\"ts\": \"2026-11-23T08:05:00Z\", \"equipmentId\": \"EX-0042\", \"equipmentId\": \"EX-9999\", "
                        + "\"odometerKm\": 1}"));

        assertThat(rejection.reason()).isEqualTo(ReasonCode.MALFORMED_JSON);
        assertThat(rejection.detail()).contains("Duplicate field 'equipmentId'");
    }

    @Test
    void nestingDeeperThanTheParserAllowsIsMalformedNotAStackOverflow() {
        String deep = "[".repeat(50_000) + "]".repeat(50_000);

        assertThat(onlyRejection(map(deep)).reason()).isEqualTo(ReasonCode.MALFORMED_JSON);
    }

    @Test
    void latin1BytesAreMalformedWithTheOffendingByteNamed() {
        byte[] body = reading("\"ext\": {\"site\": \"Mülheim\"}, \"odometerKm\": 1")
                .getBytes(StandardCharsets.ISO_8859_1);
        int offset = new String(body, StandardCharsets.ISO_8859_1).indexOf('ü');

        Rejection rejection = onlyRejection(mapper().map(TOPIC, body));

        assertThat(rejection.reason()).isEqualTo(ReasonCode.MALFORMED_JSON);
        assertThat(rejection.detail()).isEqualTo("body is not UTF-8 JSON: byte 0xFC at offset " + offset);
        assertThat(rejection.payload()).isEqualTo(body);
    }

    @Test
    void utf8EncodedSurrogateInsideAStringIsMalformed() {
        byte[] prefix = utf8("{\"ts\": \"2026-11-23T08:05:00Z\", \"odometerKm\": 1, \"ext\": {\"a\": \"");
        byte[] surrogate = {(byte) 0xED, (byte) 0xA0, (byte) 0x80};
        byte[] suffix = utf8("\"}}");
        byte[] body = concat(prefix, surrogate, suffix);

        Rejection rejection = onlyRejection(mapper().map(TOPIC, body));

        assertThat(rejection.reason()).isEqualTo(ReasonCode.MALFORMED_JSON);
        assertThat(rejection.detail()).endsWith("byte 0xED at offset " + prefix.length);
    }

    @Test
    void utf16BodyIsMalformedAlthoughJacksonWouldDetectAndReadIt() {
        assertThat(onlyRejection(mapper().map(TOPIC, VALID.getBytes(StandardCharsets.UTF_16BE))).reason())
                .isEqualTo(ReasonCode.MALFORMED_JSON);
        assertThat(onlyRejection(mapper().map(TOPIC, VALID.getBytes(StandardCharsets.UTF_16))).reason())
                .isEqualTo(ReasonCode.MALFORMED_JSON);
    }

    @Test
    void utf8ByteOrderMarkIsToleratedAsRfc8259Allows() {
        byte[] body = concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, utf8(VALID));

        assertThat(mapper().map(TOPIC, body).accepted()).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"42", "\"reading\"", "null", "true"})
    void scalarBodyIsBadType(String body) {
        Rejection rejection = onlyRejection(map(body));

        assertThat(rejection.reason()).isEqualTo(ReasonCode.BAD_TYPE);
        assertThat(rejection.detail()).startsWith("body " + body + " is ")
                .endsWith(", expected a reading object, a batch object or an array");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "null", "\"x\"", "3"})
    void batchWhoseReadingsAreNotAnArrayIsBadType(String readings) {
        Rejection rejection = onlyRejection(map("{\"equipmentId\": \"EX-0042\", \"readings\": " + readings + "}"));

        assertThat(rejection.reason()).isEqualTo(ReasonCode.BAD_TYPE);
        assertThat(rejection.detail()).startsWith("readings " + readings + " is ").endsWith(", expected an array");
    }

    @Test
    void batchEquipmentIdOtherThanTheTopicsRejectsTheWholeBatch() {
        String body = "{\"equipmentId\": \"EX-9999\", \"readings\": [" + VALID + ", " + VALID + "]}";

        Rejection rejection = onlyRejection(map(body));

        assertThat(rejection.reason()).isEqualTo(ReasonCode.EQUIPMENT_MISMATCH);
        assertThat(rejection.detail()).isEqualTo("batch equipmentId \"EX-9999\" differs from the topic's \"EX-0042\"");
        assertThat(rejection.payload()).isEqualTo(utf8(body));
    }

    @Test
    void batchEquipmentIdThatIsNotAStringIsBadType() {
        Rejection rejection = onlyRejection(map("{\"equipmentId\": 42, \"readings\": [" + VALID + "]}"));

        assertThat(rejection.reason()).isEqualTo(ReasonCode.BAD_TYPE);
        assertThat(rejection.detail()).isEqualTo("equipmentId 42 is a number, expected a string");
    }

    @Test
    void invalidSingleReadingIsRejectedAsTheWholeMessageWithItsRawBytes() {
        String body = "{\"ts\": \"2026-11-23T08:05:00Z\",   \"gps\": {\"lat\": 91, \"lon\": 0}}";

        Rejection rejection = onlyRejection(map(body));

        assertThat(rejection.reason()).isEqualTo(ReasonCode.OUT_OF_RANGE);
        assertThat(rejection.detail()).isEqualTo("gps.lat 91 outside [-90, 90]");
        assertThat(rejection.readingIndex()).isNull();
        assertThat(rejection.payload()).isEqualTo(utf8(body));
    }

    @Test
    void emptyBatchAndEmptyArrayYieldNothing() {
        for (String body : new String[] {"[]", "{\"equipmentId\": \"EX-0042\", \"readings\": []}"}) {
            MappingResult result = map(body);
            assertThat(result.accepted()).as(body).isEmpty();
            assertThat(result.rejected()).as(body).isEmpty();
            assertThat(result.address()).isEqualTo(ADDRESS);
        }
    }

    private static String batchOf(int readings) {
        return IntStream.range(0, readings)
                .mapToObj(seq -> "{\"ts\":\"2026-11-23T08:05:00Z\",\"seq\":" + seq + ",\"odometerKm\":1}")
                .collect(Collectors.joining(",", "{\"equipmentId\":\"EX-0042\",\"readings\":[", "]}"));
    }

    private static byte[] concat(byte[]... parts) {
        byte[] all = new byte[Arrays.stream(parts).mapToInt(part -> part.length).sum()];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }
}
