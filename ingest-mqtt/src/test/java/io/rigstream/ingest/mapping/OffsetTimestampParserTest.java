package io.rigstream.ingest.mapping;

import static io.rigstream.ingest.mapping.OffsetTimestampParser.NOT_A_TIMESTAMP;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class OffsetTimestampParserTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            // 2026-11-23 is day 20780 after 1970-01-01; 08:10 adds 29400 s
            "2026-11-23T08:10:00Z,             1795421400000",
            "2026-11-23T09:10:00+01:00,        1795421400000",
            "2026-11-23T02:40:00-05:30,        1795421400000",
            "2026-11-23T13:55:00+05:45,        1795421400000",
            "2026-11-23T09:10:00+0100,         1795421400000",
            "2026-11-23T09:10:00+01,           1795421400000",
            "2026-11-23T08:10:00-00:00,        1795421400000",
            "2026-11-23t08:10:00z,             1795421400000",
            "2026-11-23T08:10Z,                1795421400000",
            "2026-11-23T08:10:00.1Z,           1795421400100",
            "2026-11-23T08:10:00.12Z,          1795421400120",
            "2026-11-23T08:10:00.123456789Z,   1795421400123",
            "'2026-11-23T08:10:00,5Z',         1795421400500",
            "1970-01-01T00:00:00Z,             0",
            "1970-01-01T01:00:00+01:00,        0",
            "1969-12-31T23:59:59.999Z,         -1",
            // 2000-01-01 is day 10957; + 31 + 28 days of January and February
            "2000-02-29T00:00:00Z,             951782400000",
            // the widest offset: 2026-11-23T06:00Z, day 20780 plus 21600 s
            "2026-11-24T00:00:00+18:00,        1795413600000",
            "2026-11-22T12:00:00-18:00,        1795413600000"})
    void parsesOffsetDateTimesToEpochMillis(String text, long epochMillis) {
        assertThat(OffsetTimestampParser.epochMillis(text)).isEqualTo(epochMillis);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "2026-11-23T08:10:00",           // no offset: not an instant
            "2026-11-23T08:10",
            "2026-11-23 08:10:00Z",          // space is RFC 3339, not ISO-8601
            "20261123T081000Z",              // basic format
            "2026-11-23",
            "2026-11-23T08:10:00.Z",         // empty fraction
            "2026-11-23T08:10:00.1234567890Z",
            "2026-11-23T24:00:00Z",
            "2026-11-23T08:60:00Z",
            "2026-11-23T08:10:60Z",          // no leap seconds
            "2026-02-29T08:10:00Z",          // 2026 is not a leap year
            "2026-04-31T08:10:00Z",
            "2026-13-01T08:10:00Z",
            "2026-00-01T08:10:00Z",
            "2026-11-00T08:10:00Z",
            "2026-11-23T08:10:00+18:01",
            "2026-11-23T08:10:00+19:00",
            "2026-11-23T08:10:00+01:60",
            "2026-11-23T08:10:00+1:00",
            "2026-11-23T08:10:00+01:0",
            "2026-11-23T08:10:00+01:00:00",
            "2026-11-23T08:10:00Zjunk",
            "2026-11-23T08:10:00ZZ",
            "2026-11-23T08:10:00 Z",
            "+2026-11-23T08:10:00Z",
            "２０２６-11-23T08:10:00Z",       // full-width digits are not ASCII digits
            "2026-1a-23T08:10:00Z",
            "1795421400000",
            ""})
    void refusesTextThatIsNotAnOffsetDateTime(String text) {
        assertThat(OffsetTimestampParser.epochMillis(text)).isEqualTo(NOT_A_TIMESTAMP);
    }

    @Property
    void agreesWithJavaTimeOnEveryOffsetAndPrecision(
            @ForAll @LongRange(min = -62_135_596_800L, max = 253_402_300_799L) long epochSecond,
            @ForAll @IntRange(min = 0, max = 999_999_999) int nanos,
            @ForAll @IntRange(min = -18 * 60, max = 18 * 60) int offsetMinutes,
            @ForAll @IntRange(min = 0, max = 9) int fractionDigits,
            @ForAll boolean zuluForZero) {
        ZoneOffset offset = ZoneOffset.ofTotalSeconds(offsetMinutes * 60);
        OffsetDateTime time = Instant.ofEpochSecond(epochSecond, nanos).atOffset(offset);
        String pattern = "uuuu-MM-dd'T'HH:mm:ss" + (fractionDigits == 0 ? "" : "." + "S".repeat(fractionDigits))
                + (zuluForZero ? "XXX" : "xxx");
        String text = time.format(DateTimeFormatter.ofPattern(pattern));
        if (time.getYear() > 9999 || time.getYear() < 1) {
            return; // the contract's format has four-digit years; the offset can push an instant past them
        }

        assertThat(OffsetTimestampParser.epochMillis(text))
                .isEqualTo(OffsetDateTime.parse(text).toInstant().toEpochMilli());
    }
}
