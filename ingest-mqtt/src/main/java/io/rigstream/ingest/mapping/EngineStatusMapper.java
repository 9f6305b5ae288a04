package io.rigstream.ingest.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import io.rigstream.schemas.EngineStatus;

/** Maps a reading's {@code engine} object into an {@link EngineStatus}. */
final class EngineStatusMapper {

    private static final String ENGINE = "engine";

    private EngineStatusMapper() {
    }

    /** The engine status, or null when the reading has no {@code engine} or it carries nothing. */
    static EngineStatus map(JsonNode reading, FieldReader fields) {
        JsonNode engine = fields.object(reading, "", ENGINE);
        if (engine == null) {
            return null;
        }
        Boolean running = fields.bool(engine, ENGINE, "running");
        Double hourMeter = fields.number(engine, ENGINE, "hourMeter", ValueRange.NON_NEGATIVE);
        Double idleHours = fields.number(engine, ENGINE, "idleHours", ValueRange.NON_NEGATIVE);
        Double rpm = fields.number(engine, ENGINE, "rpm", ValueRange.NON_NEGATIVE);
        Double loadPct = fields.number(engine, ENGINE, "loadPct", ValueRange.PERCENT);
        if (running == null && hourMeter == null && idleHours == null && rpm == null && loadPct == null) {
            return null;
        }
        return new EngineStatus(running, hourMeter, idleHours, rpm, loadPct);
    }
}
