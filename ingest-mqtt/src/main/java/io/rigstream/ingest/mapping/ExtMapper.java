package io.rigstream.ingest.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;

/** Carries a reading's vendor extras ({@code ext}) through as Avro map values. */
final class ExtMapper {

    private static final String EXT = "ext";

    private ExtMapper() {
    }

    /**
     * The extras, or an empty map when the reading has none (the Avro field is not nullable).
     * Strings stay strings, booleans booleans; integral JSON numbers ({@code 5}) become Long and the
     * others ({@code 5.0}, {@code 5e3}) Double, so a value keeps the form the gateway gave it.
     * An integer too large for a long becomes a Double: the nearest the schema can carry.
     */
    static Map<String, Object> map(JsonNode reading, FieldReader fields) {
        JsonNode ext = fields.object(reading, "", EXT);
        if (ext == null) {
            return Map.of();
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : ext.properties()) {
            Object value = value(entry.getKey(), entry.getValue(), fields);
            if (value != null) {
                values.put(entry.getKey(), value);
            }
        }
        return values;
    }

    private static Object value(String key, JsonNode value, FieldReader fields) {
        if (value.isTextual()) {
            return value.textValue();
        }
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        if (value.isIntegralNumber() && value.canConvertToLong()) {
            return value.longValue();
        }
        if (value.isNumber()) {
            double number = value.doubleValue();
            if (!Double.isFinite(number)) {
                fields.outOfRange(EXT, JsonValues.shorten(key), value, ValueRange.FINITE);
                return null;
            }
            return number;
        }
        fields.badType(EXT, JsonValues.shorten(key), value, "a string, a number or a boolean");
        return null;
    }
}
