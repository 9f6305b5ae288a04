package io.rigstream.ingest.mapping;

import static io.rigstream.ingest.mapping.MapperFixtures.NOW;
import static io.rigstream.ingest.mapping.MapperFixtures.contractExample;
import static io.rigstream.ingest.mapping.MapperFixtures.mapper;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rigstream.schemas.EngineStatus;
import io.rigstream.schemas.Fault;
import io.rigstream.schemas.FuelStatus;
import io.rigstream.schemas.Lamp;
import io.rigstream.schemas.Location;
import io.rigstream.schemas.TelemetryReading;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every example of gateway payload contract v1, with the outcome worked out from the contract by hand. */
class ContractExamplesTest {

    @Test
    void singleReadingMapsEveryField() {
        MappingResult result = mapper().map("fleet/acme/EX-0042/telemetry", contractExample("single-reading.json"));

        assertThat(result.rejected()).isEmpty();
        assertThat(result.address()).isEqualTo(new TopicAddress("acme", "EX-0042"));
        assertThat(result.accepted()).containsExactly(new TelemetryReading(
                "acme", "EX-0042", Instant.parse("2026-11-23T07:15:02Z"), 18234L, NOW,
                new Location(51.50721, -0.12758, 35.0, 3.2, 270.0, 0.9, 11),
                new EngineStatus(true, 1234.62, 310.20, 1450.0, 62.0),
                new FuelStatus(54.2, 10234.5, 400.0),
                2345.6, List.of(), Map.of("fw", "3.1.4", "oem", "Komatsu")));
    }

    @Test
    void storeAndForwardBatchKeepsAllThreeReadingsInOrder() {
        MappingResult result = mapper().map("fleet/acme/LD-0007/telemetry",
                contractExample("store-and-forward-batch.json"));

        assertThat(result.rejected()).isEmpty();
        assertThat(result.accepted()).containsExactly(
                new TelemetryReading("acme", "LD-0007", Instant.parse("2026-11-22T14:00:00Z"), 501L, NOW,
                        null, new EngineStatus(true, 8801.10, 2210.05, null, null),
                        new FuelStatus(71.0, 55012.0, null), null, null, Map.of()),
                new TelemetryReading("acme", "LD-0007", Instant.parse("2026-11-22T14:00:30Z"), 502L, NOW,
                        new Location(48.13743, 11.57549, null, 0.0, null, null, null),
                        new EngineStatus(true, 8801.11, null, null, null), null, null, null, Map.of()),
                // 1795356060000 ms = 20779 days (2026-11-22) + 50460 s (14:01:00)
                new TelemetryReading("acme", "LD-0007", Instant.parse("2026-11-22T14:01:00Z"), 503L, NOW,
                        null, new EngineStatus(false, 8801.12, null, null, null), null, null,
                        List.of(new Fault(110, 0, Lamp.RED, true, 1, 0)), Map.of()));
    }

    @Test
    void bareArrayReadingsAreNormalisedToUtc() {
        MappingResult result = mapper().map("fleet/acme/EX-0042/telemetry", contractExample("bare-array.json"));

        assertThat(result.rejected()).isEmpty();
        assertThat(result.accepted()).containsExactly(
                new TelemetryReading("acme", "EX-0042", Instant.parse("2026-11-23T06:15:02Z"), 7L, NOW,
                        null, new EngineStatus(false, 412.5, null, null, null), null, null, null, Map.of()),
                new TelemetryReading("acme", "EX-0042", Instant.parse("2026-11-23T06:16:02Z"), 8L, NOW,
                        new Location(-33.8688, 151.2093, null, null, null, null, null),
                        new EngineStatus(true, 412.5, null, null, null), null, null, null, Map.of()));
    }

    @Test
    void invalidMixedBatchAcceptsSeqOneAndEightAndRejectsEachOtherReadingForItsReason() {
        MappingResult result = mapper().map("fleet/acme/EX-0042/telemetry", contractExample("invalid-mixed-batch.json"));

        assertThat(result.accepted()).extracting(TelemetryReading::getSeq).containsExactly(1L, 8L);
        assertThat(result.rejected())
                .extracting(Rejection::readingIndex, Rejection::reason)
                .containsExactly(
                        tuple(1, ReasonCode.MISSING_FIELD),
                        tuple(2, ReasonCode.OUT_OF_RANGE),
                        tuple(3, ReasonCode.MISSING_FIELD),
                        tuple(4, ReasonCode.BAD_TYPE),
                        tuple(5, ReasonCode.EMPTY_READING),
                        tuple(6, ReasonCode.EQUIPMENT_MISMATCH));
        assertThat(result.rejected()).extracting(Rejection::detail).containsExactly(
                "ts is missing",
                "gps.lat 123.0 outside [-90, 90]",
                "gps.lon is missing while gps.lat is present",
                "fuel.levelPct \"full\" is a string, expected a number",
                "reading carries none of gps, engine, fuel, odometerKm, faults",
                "equipmentId \"EX-9999\" differs from the topic's \"EX-0042\"");
    }

    @Test
    void rejectedReadingCarriesItselfAsJsonAndTheTopicsAddress() throws Exception {
        MappingResult result = mapper().map("fleet/acme/EX-0042/telemetry", contractExample("invalid-mixed-batch.json"));

        Rejection outOfRange = result.rejected().get(1);
        JsonNode expected = new ObjectMapper().readTree(
                "{\"ts\": \"2026-11-23T08:02:00Z\", \"seq\": 3, \"gps\": {\"lat\": 123.0, \"lon\": 10.0}}");
        assertThat(new ObjectMapper().readTree(outOfRange.payload())).isEqualTo(expected);
        assertThat(outOfRange.address()).isEqualTo(new TopicAddress("acme", "EX-0042"));
    }
}
