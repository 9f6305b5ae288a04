package io.rigstream.ingest.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import io.rigstream.schemas.FuelStatus;

/** Maps a reading's {@code fuel} object into a {@link FuelStatus}. */
final class FuelStatusMapper {

    private static final String FUEL = "fuel";

    private FuelStatusMapper() {
    }

    /** The fuel status, or null when the reading has no {@code fuel} or it carries nothing. */
    static FuelStatus map(JsonNode reading, FieldReader fields) {
        JsonNode fuel = fields.object(reading, "", FUEL);
        if (fuel == null) {
            return null;
        }
        Double levelPct = fields.number(fuel, FUEL, "levelPct", ValueRange.PERCENT);
        Double usedLitres = fields.number(fuel, FUEL, "usedLitres", ValueRange.NON_NEGATIVE);
        Double tankLitres = fields.number(fuel, FUEL, "tankLitres", ValueRange.POSITIVE);
        if (levelPct == null && usedLitres == null && tankLitres == null) {
            return null;
        }
        return new FuelStatus(levelPct, usedLitres, tankLitres);
    }
}
