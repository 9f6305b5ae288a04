package io.rigstream.ingest.mapping;

import com.fasterxml.jackson.databind.JsonNode;

/** How JSON values are named in rejection details. */
final class JsonValues {

    /** Details go to logs and dead letters; the full value is in the dead letter's payload anyway. */
    private static final int MAX_SHOWN_CHARS = 64;

    private JsonValues() {
    }

    /** The value as JSON text, shortened when long: {@code 123.0}, {@code "full"}. */
    static String show(JsonNode value) {
        return shorten(value.toString());
    }

    static String shorten(String text) {
        return text.length() <= MAX_SHOWN_CHARS ? text : text.substring(0, MAX_SHOWN_CHARS) + "...";
    }

    /** The JSON type with its article, as in "is a string". */
    static String typeOf(JsonNode value) {
        return switch (value.getNodeType()) {
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL -> "null";
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            case BINARY, POJO, MISSING -> "not a JSON value";
        };
    }
}
