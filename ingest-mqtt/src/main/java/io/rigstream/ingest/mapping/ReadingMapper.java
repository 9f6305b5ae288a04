package io.rigstream.ingest.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import io.rigstream.schemas.EngineStatus;
import io.rigstream.schemas.Fault;
import io.rigstream.schemas.FuelStatus;
import io.rigstream.schemas.Location;
import io.rigstream.schemas.TelemetryReading;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Validates one reading against contract v1 and maps it into a {@link TelemetryReading}. */
final class ReadingMapper {

    private static final ValueRange EPOCH_MILLIS = new ValueRange(Long.MIN_VALUE, true, Long.MAX_VALUE, true);

    private ReadingMapper() {
    }

    static ReadingOutcome map(JsonNode reading, ReceptionContext context) {
        if (!reading.isObject()) {
            return new ReadingOutcome.Rejected(new Violation(ReasonCode.BAD_TYPE, "reading "
                    + JsonValues.show(reading) + " is " + JsonValues.typeOf(reading) + ", expected an object"));
        }
        FieldReader fields = new FieldReader();
        checkEquipmentId(reading, context.address(), fields);
        Long deviceMillis = deviceTimestamp(reading, context, fields);
        Long seq = fields.integer(reading, "", "seq", ValueRange.NON_NEGATIVE_LONG);
        Location gps = LocationMapper.map(reading, fields);
        EngineStatus engine = EngineStatusMapper.map(reading, fields);
        FuelStatus fuel = FuelStatusMapper.map(reading, fields);
        Double odometerKm = fields.number(reading, "", "odometerKm", ValueRange.NON_NEGATIVE);
        List<Fault> faults = FaultListMapper.map(reading, fields);
        Map<String, Object> ext = ExtMapper.map(reading, fields);
        if (gps == null && engine == null && fuel == null && odometerKm == null && faults == null) {
            fields.report(ReasonCode.EMPTY_READING, "reading carries none of gps, engine, fuel, odometerKm, faults");
        }
        Violation violation = fields.decisiveViolation();
        if (violation != null) {
            return new ReadingOutcome.Rejected(violation);
        }
        TopicAddress address = context.address();
        return new ReadingOutcome.Accepted(new TelemetryReading(address.tenant(), address.equipmentId(),
                Instant.ofEpochMilli(deviceMillis), seq, context.receivedAt(),
                gps, engine, fuel, odometerKm, faults, ext));
    }

    /** The payload may repeat the equipment id, but only the topic's: the topic is the trust boundary. */
    private static void checkEquipmentId(JsonNode reading, TopicAddress address, FieldReader fields) {
        String equipmentId = fields.text(reading, "", "equipmentId");
        if (equipmentId != null && !equipmentId.equals(address.equipmentId())) {
            fields.report(ReasonCode.EQUIPMENT_MISMATCH, "equipmentId " + JsonValues.show(reading.get("equipmentId"))
                    + " differs from the topic's \"" + address.equipmentId() + "\"");
        }
    }

    /** {@code ts} in epoch milliseconds, or null when it is missing, malformed or outside the accepted window. */
    private static Long deviceTimestamp(JsonNode reading, ReceptionContext context, FieldReader fields) {
        Long millis = parseTimestamp(reading, fields);
        if (millis == null) {
            return null;
        }
        if (millis > context.latestDeviceMillis()) {
            fields.report(ReasonCode.FUTURE_TIMESTAMP, "ts " + Instant.ofEpochMilli(millis) + " is more than "
                    + context.limits().maxClockSkew() + " ahead of the bridge's clock " + context.receivedAt());
            return null;
        }
        if (millis < context.earliestDeviceMillis()) {
            fields.report(ReasonCode.STALE_TIMESTAMP, "ts " + Instant.ofEpochMilli(millis) + " is more than "
                    + context.limits().maxAge() + " behind the bridge's clock " + context.receivedAt());
            return null;
        }
        return millis;
    }

    /** {@code ts}, an ISO-8601 string or integer epoch milliseconds, in epoch milliseconds; null when broken. */
    private static Long parseTimestamp(JsonNode reading, FieldReader fields) {
        JsonNode ts = FieldReader.present(reading, "ts");
        if (ts == null) {
            fields.missing("", "ts", "");
            return null;
        }
        if (ts.isNumber()) {
            return fields.integerValue(ts, "", "ts", EPOCH_MILLIS);
        }
        if (!ts.isTextual()) {
            fields.badType("", "ts", ts, "an ISO-8601 string or integer epoch milliseconds");
            return null;
        }
        long millis = OffsetTimestampParser.epochMillis(ts.textValue());
        if (millis == OffsetTimestampParser.NOT_A_TIMESTAMP) {
            fields.report(ReasonCode.BAD_TYPE, "ts " + JsonValues.show(ts)
                    + " is not an ISO-8601 date-time with an offset or Z");
            return null;
        }
        return millis;
    }
}
