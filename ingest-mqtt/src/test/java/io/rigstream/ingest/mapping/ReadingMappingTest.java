package io.rigstream.ingest.mapping;

import static io.rigstream.ingest.mapping.MapperFixtures.NOW;
import static io.rigstream.ingest.mapping.MapperFixtures.map;
import static io.rigstream.ingest.mapping.MapperFixtures.mapper;
import static io.rigstream.ingest.mapping.MapperFixtures.reading;
import static io.rigstream.ingest.mapping.MapperFixtures.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.rigstream.schemas.Fault;
import io.rigstream.schemas.Lamp;
import io.rigstream.schemas.Location;
import io.rigstream.schemas.TelemetryReading;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** How an accepted reading lands in {@link TelemetryReading}. */
class ReadingMappingTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "\"2026-11-23T08:05:00Z\"",
            "\"2026-11-23T09:05:00+01:00\"",
            "\"2026-11-23T02:35:00-05:30\"",
            "\"2026-11-23T08:05:00.000Z\"",
            "\"2026-11-23T08:05:00.000000000+00:00\"",
            "\"2026-11-23T08:05Z\"",
            "\"2026-11-23t08:05:00z\"",
            "\"2026-11-23T09:05:00+0100\"",
            // 2026-11-23T08:05Z: day 20780 x 86400 s + 29100 s = 1795421100 s
            "1795421100000",
            "1795421100000.0",
            "1.7954211E12"})
    void everyTimestampFormNamesTheSameUtcInstant(String ts) {
        TelemetryReading reading = onlyAccepted(map("{\"ts\": " + ts + ", \"odometerKm\": 1}"));

        assertThat(reading.getDeviceTs()).isEqualTo(Instant.parse("2026-11-23T08:05:00Z"));
    }

    @ParameterizedTest
    @CsvSource({
            "2026-11-23T08:05:00.5Z,             2026-11-23T08:05:00.500Z",
            "2026-11-23T09:05:00.123+01:00,      2026-11-23T08:05:00.123Z",
            "2026-11-23T02:35:00.9999999-05:30,  2026-11-23T08:05:00.999Z"})
    void fractionalSecondsAreKeptToTheMillisecond(String ts, String expected) {
        TelemetryReading reading = onlyAccepted(map("{\"ts\": \"" + ts + "\", \"odometerKm\": 1}"));

        assertThat(reading.getDeviceTs()).isEqualTo(Instant.parse(expected));
    }

    @Test
    void receivedTimeIsTheBridgesClock() {
        assertThat(onlyAccepted(map(reading("\"odometerKm\": 1"))).getReceivedTs()).isEqualTo(NOW);
    }

    @Test
    void tenantAndEquipmentComeFromTheTopicNotThePayload() {
        TelemetryReading reading = onlyAccepted(mapper().map("fleet/other-co/EX-0042/telemetry",
                utf8(reading("\"tenant\": \"acme\", \"odometerKm\": 1"))));

        assertThat(reading.getTenant()).isEqualTo("other-co");
        assertThat(reading.getEquipmentId()).isEqualTo("EX-0042");
    }

    @Test
    void unknownFieldsAreIgnoredAtEveryLevel() {
        String plain = reading("\"gps\": {\"lat\": 1.5, \"lon\": 2.5}, \"engine\": {\"rpm\": 900}, "
                + "\"fuel\": {\"levelPct\": 40}, \"faults\": [{\"spn\": 100, \"fmi\": 1}]");
        String withExtras = reading("\"fw\": {\"v\": [1, 2]}, \"gps\": {\"lat\": 1.5, \"lon\": 2.5, \"fix\": \"3D\"}, "
                + "\"engine\": {\"rpm\": 900, \"coolantC\": 88}, \"fuel\": {\"levelPct\": 40, \"sensor\": null}, "
                + "\"faults\": [{\"spn\": 100, \"fmi\": 1, \"text\": \"oil pressure\"}], \"schema\": 2");

        assertThat(onlyAccepted(map(withExtras))).isEqualTo(onlyAccepted(map(plain)));
    }

    @Test
    void jsonNullCountsAsAnAbsentField() {
        TelemetryReading reading = onlyAccepted(map(reading(
                "\"seq\": null, \"gps\": {\"lat\": null, \"lon\": null, \"alt\": 12.5}, \"engine\": null, \"faults\": null")));

        assertThat(reading.getSeq()).isNull();
        assertThat(reading.getGps()).isEqualTo(new Location(null, null, 12.5, null, null, null, null));
        assertThat(reading.getEngine()).isNull();
        assertThat(reading.getFaults()).isNull();
    }

    @Test
    void emptySectionNextToDataMapsToNull() {
        TelemetryReading reading = onlyAccepted(map(reading("\"gps\": {}, \"fuel\": {}, \"odometerKm\": 3.5")));

        assertThat(reading.getGps()).isNull();
        assertThat(reading.getFuel()).isNull();
        assertThat(reading.getCumulativeDistanceKm()).isEqualTo(3.5);
    }

    @Test
    void integralNumbersAreAcceptedForIntegerFields() {
        TelemetryReading reading = onlyAccepted(map(reading(
                "\"seq\": 1.1e1, \"gps\": {\"sats\": 11.0}, \"faults\": [{\"spn\": 110.0, \"fmi\": 1e0, \"oc\": 2.0}]")));

        assertThat(reading.getSeq()).isEqualTo(11L);
        assertThat(reading.getGps().getSatellites()).isEqualTo(11);
        assertThat(reading.getFaults()).containsExactly(new Fault(110, 1, Lamp.NONE, true, 2, null));
    }

    @Test
    void negativeZeroIsStoredAsZeroSoEqualReadingsCompareEqual() {
        TelemetryReading reading = onlyAccepted(map(reading("\"gps\": {\"speedKmh\": -0.0, \"heading\": -0.0}")));

        assertThat(reading.getGps().getSpeedKmh()).isEqualTo(Double.valueOf(0.0));
        assertThat(reading.getGps().getHeadingDegrees()).isEqualTo(Double.valueOf(0.0));
    }

    @Test
    void extNumbersAreCarriedUntouchedEvenNegativeZero() {
        assertThat(onlyAccepted(map(reading("\"odometerKm\": 1, \"ext\": {\"z\": -0.0}"))).getExt())
                .containsEntry("z", -0.0);
    }

    @Test
    void absentFaultsSayNothingAndAnEmptyListSaysNoActiveFault() {
        assertThat(onlyAccepted(map(reading("\"odometerKm\": 1"))).getFaults()).isNull();
        assertThat(onlyAccepted(map(reading("\"faults\": []"))).getFaults()).isEmpty();
    }

    @Test
    void faultLampIsReadInAnyCaseAndDefaultsAreFilledIn() {
        TelemetryReading reading = onlyAccepted(map(reading("\"faults\": ["
                + "{\"spn\": 110, \"fmi\": 0, \"lamp\": \"RED\", \"active\": false, \"oc\": 3, \"source\": 0},"
                + "{\"spn\": 111, \"fmi\": 1, \"lamp\": \"Amber\"},"
                + "{\"spn\": 112, \"fmi\": 2, \"lamp\": \"protect\"},"
                + "{\"spn\": 113, \"fmi\": 3, \"lamp\": \"mIl\"},"
                + "{\"spn\": 114, \"fmi\": 4, \"lamp\": \"none\"},"
                + "{\"spn\": 115, \"fmi\": 5}]")));

        assertThat(reading.getFaults()).containsExactly(
                new Fault(110, 0, Lamp.RED, false, 3, 0),
                new Fault(111, 1, Lamp.AMBER, true, null, null),
                new Fault(112, 2, Lamp.PROTECT, true, null, null),
                new Fault(113, 3, Lamp.MIL, true, null, null),
                new Fault(114, 4, Lamp.NONE, true, null, null),
                new Fault(115, 5, Lamp.NONE, true, null, null));
    }

    @Test
    void extValuesKeepTheirJsonForm() {
        TelemetryReading reading = onlyAccepted(map(reading("\"odometerKm\": 1, \"ext\": {"
                + "\"fw\": \"3.1.4\", \"canOk\": true, \"boots\": 12, \"temp\": 21.5, \"ratio\": 2.0, "
                + "\"big\": 1e3, \"huge\": 99999999999999999999, \"neg\": -7}")));

        assertThat(reading.getExt()).containsExactly(
                entry("fw", "3.1.4"), entry("canOk", true), entry("boots", 12L), entry("temp", 21.5),
                entry("ratio", 2.0), entry("big", 1000.0), entry("huge", 1.0e20), entry("neg", -7L));
    }

    @Test
    void absentExtIsAnEmptyMapAsTheSchemaDefaults() {
        assertThat(onlyAccepted(map(reading("\"odometerKm\": 1"))).getExt()).isEmpty();
    }

    @Test
    void sectionsMapToTheirIsoNames() {
        TelemetryReading reading = onlyAccepted(map(reading(
                "\"engine\": {\"running\": true, \"hourMeter\": 10.5, \"idleHours\": 2.25, \"rpm\": 1450, \"loadPct\": 62},"
                        + "\"fuel\": {\"levelPct\": 54.2, \"usedLitres\": 10234.5, \"tankLitres\": 400},"
                        + "\"odometerKm\": 2345.6")));

        assertThat(reading.getEngine().getCumulativeOperatingHours()).isEqualTo(10.5);
        assertThat(reading.getEngine().getCumulativeIdleHours()).isEqualTo(2.25);
        assertThat(reading.getEngine().getRpm()).isEqualTo(1450.0);
        assertThat(reading.getEngine().getLoadPct()).isEqualTo(62.0);
        assertThat(reading.getFuel().getRemainingPct()).isEqualTo(54.2);
        assertThat(reading.getFuel().getCumulativeUsedLitres()).isEqualTo(10234.5);
        assertThat(reading.getFuel().getTankCapacityLitres()).isEqualTo(400.0);
        assertThat(reading.getCumulativeDistanceKm()).isEqualTo(2345.6);
    }

    @Test
    void batchWithOneBadReadingKeepsTheOthersInOrder() {
        MappingResult result = map("{\"readings\": ["
                + reading("\"seq\": 10, \"odometerKm\": 1") + ","
                + reading("\"seq\": 11, \"odometerKm\": -1") + ","
                + reading("\"seq\": 12, \"odometerKm\": 2") + "]}");

        assertThat(result.accepted()).extracting(TelemetryReading::getSeq).containsExactly(10L, 12L);
        assertThat(result.rejected()).extracting(Rejection::readingIndex).containsExactly(1);
    }

    private static TelemetryReading onlyAccepted(MappingResult result) {
        assertThat(result.rejected()).isEmpty();
        List<TelemetryReading> accepted = result.accepted();
        assertThat(accepted).hasSize(1);
        return accepted.get(0);
    }
}
