package io.rigstream.ingest.mapping;

import static io.rigstream.ingest.mapping.MapperFixtures.ADDRESS;
import static io.rigstream.ingest.mapping.MapperFixtures.map;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Per-reading validation: each reading goes into a bare array so it is rejected on its own, with
 * index 0. Clock at 2026-11-23T08:10:00Z; the default window is 2026-10-24T08:10Z to 08:20Z.
 */
class ReadingValidationTest {

    @ParameterizedTest(name = "{1}: {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            {"ts": "2026-11-23T08:05:00Z", "equipmentId": "EX-9999", "odometerKm": 1}  | EQUIPMENT_MISMATCH | equipmentId "EX-9999" differs from the topic's "EX-0042"
            {"ts": "2026-11-23T08:05:00Z", "equipmentId": "ex-0042", "odometerKm": 1}  | EQUIPMENT_MISMATCH | equipmentId "ex-0042" differs from the topic's "EX-0042"
            {"odometerKm": 1}                                                          | MISSING_FIELD      | ts is missing
            {"ts": null, "odometerKm": 1}                                              | MISSING_FIELD      | ts is missing
            {"ts": "2026-11-23T08:05:00Z", "gps": {"lat": 50.0}}                       | MISSING_FIELD      | gps.lon is missing while gps.lat is present
            {"ts": "2026-11-23T08:05:00Z", "gps": {"lat": null, "lon": 8.5}}           | MISSING_FIELD      | gps.lat is missing while gps.lon is present
            {"ts": "2026-11-23T08:05:00Z", "faults": [{"fmi": 1}]}                     | MISSING_FIELD      | faults[0].spn is missing
            {"ts": "2026-11-23T08:05:00Z", "faults": [{"spn": 1, "fmi": 2}, {"spn": 3}]} | MISSING_FIELD    | faults[1].fmi is missing
            {"ts": true, "odometerKm": 1}                                              | BAD_TYPE           | ts true is a boolean, expected an ISO-8601 string or integer epoch milliseconds
            {"ts": "2026-11-23T08:05:00", "odometerKm": 1}                             | BAD_TYPE           | ts "2026-11-23T08:05:00" is not an ISO-8601 date-time with an offset or Z
            {"ts": "1795421100000", "odometerKm": 1}                                   | BAD_TYPE           | ts "1795421100000" is not an ISO-8601 date-time with an offset or Z
            {"ts": "2026-02-30T08:05:00Z", "odometerKm": 1}                            | BAD_TYPE           | ts "2026-02-30T08:05:00Z" is not an ISO-8601 date-time with an offset or Z
            {"ts": 12.5, "odometerKm": 1}                                              | BAD_TYPE           | ts 12.5 is a fractional number, expected an integer
            {"ts": "2026-11-23T08:05:00Z", "seq": 1.5, "odometerKm": 1}                | BAD_TYPE           | seq 1.5 is a fractional number, expected an integer
            {"ts": "2026-11-23T08:05:00Z", "seq": "7", "odometerKm": 1}                | BAD_TYPE           | seq "7" is a string, expected an integer
            {"ts": "2026-11-23T08:05:00Z", "equipmentId": 42, "odometerKm": 1}         | BAD_TYPE           | equipmentId 42 is a number, expected a string
            {"ts": "2026-11-23T08:05:00Z", "gps": "51.5,-0.1"}                         | BAD_TYPE           | gps "51.5,-0.1" is a string, expected an object
            {"ts": "2026-11-23T08:05:00Z", "gps": {"lat": "51.5", "lon": -0.1}}        | BAD_TYPE           | gps.lat "51.5" is a string, expected a number
            {"ts": "2026-11-23T08:05:00Z", "gps": {"lat": 1, "lon": 2, "sats": 7.5}}   | BAD_TYPE           | gps.sats 7.5 is a fractional number, expected an integer
            {"ts": "2026-11-23T08:05:00Z", "engine": {"running": "true"}}              | BAD_TYPE           | engine.running "true" is a string, expected a boolean
            {"ts": "2026-11-23T08:05:00Z", "engine": {"running": 1}}                   | BAD_TYPE           | engine.running 1 is a number, expected a boolean
            {"ts": "2026-11-23T08:05:00Z", "fuel": []}                                 | BAD_TYPE           | fuel [] is an array, expected an object
            {"ts": "2026-11-23T08:05:00Z", "odometerKm": "12"}                         | BAD_TYPE           | odometerKm "12" is a string, expected a number
            {"ts": "2026-11-23T08:05:00Z", "faults": {}}                               | BAD_TYPE           | faults {} is an object, expected an array
            {"ts": "2026-11-23T08:05:00Z", "faults": ["P0100"]}                        | BAD_TYPE           | faults[0] "P0100" is a string, expected an object
            {"ts": "2026-11-23T08:05:00Z", "faults": [{"spn": 1.5, "fmi": 1}]}         | BAD_TYPE           | faults[0].spn 1.5 is a fractional number, expected an integer
            {"ts": "2026-11-23T08:05:00Z", "faults": [{"spn": 1, "fmi": 1, "lamp": 1}]}       | BAD_TYPE    | faults[0].lamp 1 is a number, expected a string
            {"ts": "2026-11-23T08:05:00Z", "faults": [{"spn": 1, "fmi": 1, "active": "yes"}]} | BAD_TYPE    | faults[0].active "yes" is a string, expected a boolean
            {"ts": "2026-11-23T08:05:00Z", "odometerKm": 1, "ext": "fw=3"}             | BAD_TYPE           | ext "fw=3" is a string, expected an object
            {"ts": "2026-11-23T08:05:00Z", "odometerKm": 1, "ext": {"a": [1]}}         | BAD_TYPE           | ext.a [1] is an array, expected a string, a number or a boolean
            {"ts": "2026-11-23T08:05:00Z", "odometerKm": 1, "ext": {"a": {"b": 1}}}    | BAD_TYPE           | ext.a {"b":1} is an object, expected a string, a number or a boolean
            {"ts": "2026-11-23T08:05:00Z", "odometerKm": 1, "ext": {"a": null}}        | BAD_TYPE           | ext.a null is null, expected a string, a number or a boolean
            {"ts": "2026-11-23T08:05:00Z", "gps": {"lat": 90.0001, "lon": 0}}          | OUT_OF_RANGE       | gps.lat 90.0001 outside [-90, 90]
            {"ts": "2026-11-23T08:05:00Z", "gps": {"lat": -90.5, "lon": 0}}            | OUT_OF_RANGE       | gps.lat -90.5 outside [-90, 90]
            {"ts": "2026-11-23T08:05:00Z", "gps": {"lat": 0, "lon": 180.5}}            | OUT_OF_RANGE       | gps.lon 180.5 outside [-180, 180]
            {"ts": "2026-11-23T08:05:00Z", "gps": {"lat": 0, "lon": -181}}             | OUT_OF_RANGE       | gps.lon -181 outside [-180, 180]
            {"ts": "2026-11-23T08:05:00Z", "gps": {"heading": 360}}                    | OUT_OF_RANGE       | gps.heading 360 outside [0, 360)
            {"ts": "2026-11-23T08:05:00Z", "gps": {"heading": -0.1}}                   | OUT_OF_RANGE       | gps.heading -0.1 outside [0, 360)
            {"ts": "2026-11-23T08:05:00Z", "gps": {"speedKmh": -1}}                    | OUT_OF_RANGE       | gps.speedKmh -1 must be >= 0
            {"ts": "2026-11-23T08:05:00Z", "gps": {"hdop": -0.5}}                      | OUT_OF_RANGE       | gps.hdop -0.5 must be >= 0
            {"ts": "2026-11-23T08:05:00Z", "gps": {"sats": -1}}                        | OUT_OF_RANGE       | gps.sats -1 outside [0, 2147483647]
            {"ts": "2026-11-23T08:05:00Z", "gps": {"sats": 1e10}}                      | OUT_OF_RANGE       | gps.sats 1.0E10 outside [0, 2147483647]
            {"ts": "2026-11-23T08:05:00Z", "engine": {"hourMeter": -0.01}}             | OUT_OF_RANGE       | engine.hourMeter -0.01 must be >= 0
            {"ts": "2026-11-23T08:05:00Z", "engine": {"idleHours": -1}}                | OUT_OF_RANGE       | engine.idleHours -1 must be >= 0
            {"ts": "2026-11-23T08:05:00Z", "engine": {"rpm": -1}}                      | OUT_OF_RANGE       | engine.rpm -1 must be >= 0
            {"ts": "2026-11-23T08:05:00Z", "engine": {"loadPct": 100.5}}               | OUT_OF_RANGE       | engine.loadPct 100.5 outside [0, 100]
            {"ts": "2026-11-23T08:05:00Z", "fuel": {"levelPct": -1}}                   | OUT_OF_RANGE       | fuel.levelPct -1 outside [0, 100]
            {"ts": "2026-11-23T08:05:00Z", "fuel": {"usedLitres": -1}}                 | OUT_OF_RANGE       | fuel.usedLitres -1 must be >= 0
            {"ts": "2026-11-23T08:05:00Z", "fuel": {"tankLitres": 0}}                  | OUT_OF_RANGE       | fuel.tankLitres 0 must be > 0
            {"ts": "2026-11-23T08:05:00Z", "odometerKm": -1}                           | OUT_OF_RANGE       | odometerKm -1 must be >= 0
            {"ts": "2026-11-23T08:05:00Z", "seq": -1, "odometerKm": 1}                 | OUT_OF_RANGE       | seq -1 outside [0, 9223372036854775807]
            {"ts": "2026-11-23T08:05:00Z", "seq": 99999999999999999999, "odometerKm": 1} | OUT_OF_RANGE     | seq 99999999999999999999 outside [0, 9223372036854775807]
            {"ts": "2026-11-23T08:05:00Z", "seq": 1e19, "odometerKm": 1}               | OUT_OF_RANGE       | seq 1.0E19 outside [0, 9223372036854775807]
            {"ts": 99999999999999999999, "odometerKm": 1}                              | OUT_OF_RANGE       | ts 99999999999999999999 outside [-9223372036854775808, 9223372036854775807]
            {"ts": "2026-11-23T08:05:00Z", "faults": [{"spn": 524288, "fmi": 1}]}      | OUT_OF_RANGE       | faults[0].spn 524288 outside [0, 524287]
            {"ts": "2026-11-23T08:05:00Z", "faults": [{"spn": -1, "fmi": 1}]}          | OUT_OF_RANGE       | faults[0].spn -1 outside [0, 524287]
            {"ts": "2026-11-23T08:05:00Z", "faults": [{"spn": 1, "fmi": 32}]}          | OUT_OF_RANGE       | faults[0].fmi 32 outside [0, 31]
            {"ts": "2026-11-23T08:05:00Z", "faults": [{"spn": 1, "fmi": 1, "source": 256}]} | OUT_OF_RANGE  | faults[0].source 256 outside [0, 255]
            {"ts": "2026-11-23T08:05:00Z", "faults": [{"spn": 1, "fmi": 1, "oc": -1}]}      | OUT_OF_RANGE  | faults[0].oc -1 outside [0, 2147483647]
            {"ts": "2026-11-23T08:05:00Z", "faults": [{"spn": 1, "fmi": 1, "lamp": "blue"}]} | OUT_OF_RANGE | faults[0].lamp "blue" is not one of red, amber, protect, mil, none
            {"ts": "2026-11-23T08:05:00Z", "faults": [{"spn": 1, "fmi": 1, "lamp": "mİl"}]}  | OUT_OF_RANGE | faults[0].lamp "mİl" is not one of red, amber, protect, mil, none
            {"ts": "2026-11-23T08:20:00.001Z", "odometerKm": 1}                        | FUTURE_TIMESTAMP   | ts 2026-11-23T08:20:00.001Z is more than PT10M ahead of the bridge's clock 2026-11-23T08:10:00Z
            {"ts": 1795422000001, "odometerKm": 1}                                     | FUTURE_TIMESTAMP   | ts 2026-11-23T08:20:00.001Z is more than PT10M ahead of the bridge's clock 2026-11-23T08:10:00Z
            {"ts": "2026-10-24T08:09:59.999Z", "odometerKm": 1}                        | STALE_TIMESTAMP    | ts 2026-10-24T08:09:59.999Z is more than PT720H behind the bridge's clock 2026-11-23T08:10:00Z
            {"ts": 0, "odometerKm": 1}                                                 | STALE_TIMESTAMP    | ts 1970-01-01T00:00:00Z is more than PT720H behind the bridge's clock 2026-11-23T08:10:00Z
            {"ts": "2026-11-23T08:05:00Z"}                                             | EMPTY_READING      | reading carries none of gps, engine, fuel, odometerKm, faults
            {"ts": "2026-11-23T08:05:00Z", "seq": 6, "equipmentId": "EX-0042"}         | EMPTY_READING      | reading carries none of gps, engine, fuel, odometerKm, faults
            {"ts": "2026-11-23T08:05:00Z", "gps": {}, "engine": {}, "fuel": {}}        | EMPTY_READING      | reading carries none of gps, engine, fuel, odometerKm, faults
            {"ts": "2026-11-23T08:05:00Z", "gps": {"fix": "3D"}}                       | EMPTY_READING      | reading carries none of gps, engine, fuel, odometerKm, faults
            {"ts": "2026-11-23T08:05:00Z", "gps": null, "odometerKm": null}            | EMPTY_READING      | reading carries none of gps, engine, fuel, odometerKm, faults
            {"ts": "2026-11-23T08:05:00Z", "ext": {"fw": "3.1.4"}}                     | EMPTY_READING      | reading carries none of gps, engine, fuel, odometerKm, faults
            """)
    void readingBreakingOneRuleIsRejectedWithItsReasonAndDetail(String reading, ReasonCode reason, String detail) {
        Rejection rejection = rejectionOfOnlyReading(reading);

        assertThat(rejection.reason()).isEqualTo(reason);
        assertThat(rejection.detail()).isEqualTo(detail);
    }

    @Test
    void numberTooLargeForADoubleIsOutOfRange() {
        Rejection rejection = rejectionOfOnlyReading("{\"ts\": \"2026-11-23T08:05:00Z\", \"gps\": {\"alt\": 1e400}}");

        assertThat(rejection.reason()).isEqualTo(ReasonCode.OUT_OF_RANGE);
        assertThat(rejection.detail()).startsWith("gps.alt ").endsWith(" must be a finite number");
    }

    @Test
    void extNumberTooLargeForADoubleIsOutOfRange() {
        Rejection rejection = rejectionOfOnlyReading(
                "{\"ts\": \"2026-11-23T08:05:00Z\", \"odometerKm\": 1, \"ext\": {\"x\": -1e400}}");

        assertThat(rejection.reason()).isEqualTo(ReasonCode.OUT_OF_RANGE);
        assertThat(rejection.detail()).startsWith("ext.x ").endsWith(" must be a finite number");
    }

    @Test
    void nonObjectElementIsBadTypeForThatReadingOnly() {
        MappingResult result = map("[\"hello\", {\"ts\": \"2026-11-23T08:05:00Z\", \"odometerKm\": 1}, 42]");

        assertThat(result.accepted()).hasSize(1);
        assertThat(result.rejected()).extracting(Rejection::readingIndex).containsExactly(0, 2);
        assertThat(result.rejected()).extracting(Rejection::detail).containsExactly(
                "reading \"hello\" is a string, expected an object",
                "reading 42 is a number, expected an object");
        assertThat(result.rejected().get(1).payload()).asString().isEqualTo("42");
    }

    @Test
    void missingFieldTakesPrecedenceOverBadTypeWhateverTheFieldOrder() {
        Rejection rejection = rejectionOfOnlyReading(
                "{\"fuel\": {\"levelPct\": \"full\"}, \"gps\": {\"lat\": 1.0}, \"ts\": \"2026-11-23T08:05:00Z\"}");

        assertThat(rejection.reason()).isEqualTo(ReasonCode.MISSING_FIELD);
    }

    @Test
    void equipmentMismatchTakesPrecedenceOverAMissingTimestamp() {
        Rejection rejection = rejectionOfOnlyReading("{\"odometerKm\": 1, \"equipmentId\": \"EX-9\"}");

        assertThat(rejection.reason()).isEqualTo(ReasonCode.EQUIPMENT_MISMATCH);
    }

    @Test
    void badTypeTakesPrecedenceOverOutOfRangeWhateverTheFieldOrder() {
        Rejection rejection = rejectionOfOnlyReading(
                "{\"ts\": \"2026-11-23T08:05:00Z\", \"odometerKm\": -1, \"seq\": \"x\"}");

        assertThat(rejection.reason()).isEqualTo(ReasonCode.BAD_TYPE);
        assertThat(rejection.detail()).isEqualTo("seq \"x\" is a string, expected an integer");
    }

    @Test
    void outOfRangeTakesPrecedenceOverAFutureTimestamp() {
        Rejection rejection = rejectionOfOnlyReading("{\"ts\": \"2030-01-01T00:00:00Z\", \"odometerKm\": -1}");

        assertThat(rejection.reason()).isEqualTo(ReasonCode.OUT_OF_RANGE);
    }

    @Test
    void timestampOutsideTheWindowTakesPrecedenceOverAnEmptyReading() {
        assertThat(rejectionOfOnlyReading("{\"ts\": \"2030-01-01T00:00:00Z\"}").reason())
                .isEqualTo(ReasonCode.FUTURE_TIMESTAMP);
        assertThat(rejectionOfOnlyReading("{\"ts\": \"2020-01-01T00:00:00Z\"}").reason())
                .isEqualTo(ReasonCode.STALE_TIMESTAMP);
    }

    @Test
    void firstViolationOfTheSameReasonIsTheOneReported() {
        Rejection rejection = rejectionOfOnlyReading(
                "{\"ts\": \"2026-11-23T08:05:00Z\", \"gps\": {\"lat\": 91, \"lon\": 181}, \"odometerKm\": -1}");

        assertThat(rejection.detail()).isEqualTo("gps.lat 91 outside [-90, 90]");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"ts\": \"2026-11-23T08:20:00Z\", \"odometerKm\": 1}",   // exactly the allowed skew ahead
            "{\"ts\": \"2026-10-24T08:10:00Z\", \"odometerKm\": 1}",   // exactly the allowed age behind
            "{\"ts\": \"2026-11-23T08:05:00Z\", \"seq\": 0, \"odometerKm\": 0}",
            "{\"ts\": \"2026-11-23T08:05:00Z\", \"gps\": {\"lat\": 90, \"lon\": -180, \"heading\": 0, \"speedKmh\": 0, \"hdop\": 0, \"sats\": 0}}",
            "{\"ts\": \"2026-11-23T08:05:00Z\", \"gps\": {\"lat\": -90, \"lon\": 180, \"heading\": 359.999, \"alt\": -430.5}}",
            "{\"ts\": \"2026-11-23T08:05:00Z\", \"engine\": {\"loadPct\": 100, \"rpm\": 0, \"hourMeter\": 0, \"idleHours\": 0}}",
            "{\"ts\": \"2026-11-23T08:05:00Z\", \"fuel\": {\"levelPct\": 0, \"usedLitres\": 0, \"tankLitres\": 0.001}}",
            "{\"ts\": \"2026-11-23T08:05:00Z\", \"fuel\": {\"levelPct\": 100}}",
            "{\"ts\": \"2026-11-23T08:05:00Z\", \"faults\": [{\"spn\": 524287, \"fmi\": 31, \"source\": 255, \"oc\": 0}]}",
            "{\"ts\": \"2026-11-23T08:05:00Z\", \"faults\": [{\"spn\": 0, \"fmi\": 0, \"source\": 0}]}",
            "{\"ts\": \"2026-11-23T08:05:00Z\", \"faults\": []}",
            "{\"ts\": \"2026-11-23T08:05:00Z\", \"equipmentId\": \"EX-0042\", \"engine\": {\"running\": false}}"})
    void readingOnTheEdgesOfEveryRangeIsAccepted(String reading) {
        MappingResult result = map("[" + reading + "]");

        assertThat(result.rejected()).isEmpty();
        assertThat(result.accepted()).hasSize(1);
    }

    private static Rejection rejectionOfOnlyReading(String reading) {
        MappingResult result = map("[" + reading + "]");
        assertThat(result.accepted()).isEmpty();
        assertThat(result.rejected()).hasSize(1);
        Rejection rejection = result.rejected().get(0);
        assertThat(rejection.readingIndex()).isZero();
        assertThat(rejection.address()).isEqualTo(ADDRESS);
        return rejection;
    }
}
