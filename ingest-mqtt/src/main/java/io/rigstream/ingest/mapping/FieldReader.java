package io.rigstream.ingest.mapping;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads the typed, range-checked fields of one reading and remembers the violation that decides
 * its fate: of all the rules the reading breaks, the one whose {@link ReasonCode} comes first.
 * A field that breaks a rule reads as absent, so mapping can go on and find the others.
 *
 * <p>Fields are named by a parent path ("" for the reading itself, "gps", "faults[2]") and a name;
 * the two are joined only when a detail is written, so the happy path builds no strings.
 *
 * <p>JSON {@code null} counts as absent: gateways serialise unknown values as null.
 */
final class FieldReader {

    private static final double TWO_TO_THE_63 = 0x1p63;

    private Violation decisive;

    /** The violation that decides the reading's fate, or null when it broke no rule. */
    Violation decisiveViolation() {
        return decisive;
    }

    /** The field's value, or null when it is absent or JSON null. */
    static JsonNode present(JsonNode parent, String name) {
        JsonNode value = parent.get(name);
        return value == null || value.isNull() ? null : value;
    }

    /** The field as an object, or null when absent or not an object (then BAD_TYPE). */
    JsonNode object(JsonNode parent, String path, String name) {
        JsonNode value = present(parent, name);
        if (value == null || value.isObject()) {
            return value;
        }
        badType(path, name, value, "an object");
        return null;
    }

    /** The field as an array, or null when absent or not an array (then BAD_TYPE). */
    JsonNode array(JsonNode parent, String path, String name) {
        JsonNode value = present(parent, name);
        if (value == null || value.isArray()) {
            return value;
        }
        badType(path, name, value, "an array");
        return null;
    }

    /** The field as a string, or null when absent or not a string (then BAD_TYPE). */
    String text(JsonNode parent, String path, String name) {
        JsonNode value = present(parent, name);
        if (value == null) {
            return null;
        }
        if (!value.isTextual()) {
            badType(path, name, value, "a string");
            return null;
        }
        return value.textValue();
    }

    /** The field as a boolean, or null when absent or not a boolean (then BAD_TYPE). */
    Boolean bool(JsonNode parent, String path, String name) {
        JsonNode value = present(parent, name);
        if (value == null) {
            return null;
        }
        if (!value.isBoolean()) {
            badType(path, name, value, "a boolean");
            return null;
        }
        return value.booleanValue();
    }

    /** The field as a number in {@code range}, or null when absent or broken. */
    Double number(JsonNode parent, String path, String name, ValueRange range) {
        JsonNode value = present(parent, name);
        if (value == null) {
            return null;
        }
        if (!value.isNumber()) {
            badType(path, name, value, "a number");
            return null;
        }
        double number = value.doubleValue();
        if (!range.contains(number)) {
            outOfRange(path, name, value, range);
            return null;
        }
        // -0.0 passes ">= 0" but Double.equals and Avro record equality tell it from 0.0.
        return number == 0 ? 0.0 : number;
    }

    /** The field as an integer in {@code range}, or null when absent or broken. */
    Long integer(JsonNode parent, String path, String name, ValueRange range) {
        JsonNode value = present(parent, name);
        return value == null ? null : integerValue(value, path, name, range);
    }

    /** The field as an int in {@code range} (which must lie within int), or null when absent or broken. */
    Integer smallInteger(JsonNode parent, String path, String name, ValueRange range) {
        Long value = integer(parent, path, name, range);
        return value == null ? null : value.intValue();
    }

    /**
     * {@code value}, the field at {@code path.name}, as an integer in {@code range}, or null when it
     * is not one. An integral number written with a fraction or exponent ({@code 11.0},
     * {@code 1.1e1}) is an integer; {@code 11.5} is BAD_TYPE; one too large for a long is OUT_OF_RANGE.
     */
    Long integerValue(JsonNode value, String path, String name, ValueRange range) {
        if (!value.isNumber()) {
            badType(path, name, value, "an integer");
            return null;
        }
        long integer;
        if (value.isIntegralNumber()) {
            if (!value.canConvertToLong()) {
                outOfRange(path, name, value, range);
                return null;
            }
            integer = value.longValue();
        } else {
            double number = value.doubleValue();
            if (Double.isFinite(number) && number != Math.rint(number)) {
                report(ReasonCode.BAD_TYPE, join(path, name) + " " + JsonValues.show(value)
                        + " is a fractional number, expected an integer");
                return null;
            }
            if (!(number >= -TWO_TO_THE_63 && number < TWO_TO_THE_63)) {
                outOfRange(path, name, value, range);
                return null;
            }
            integer = (long) number;
        }
        if (!range.contains(integer)) {
            outOfRange(path, name, value, range);
            return null;
        }
        return integer;
    }

    void missing(String path, String name, String why) {
        report(ReasonCode.MISSING_FIELD, join(path, name) + " is missing" + why);
    }

    void badType(String path, String name, JsonNode value, String expected) {
        report(ReasonCode.BAD_TYPE, join(path, name) + " " + JsonValues.show(value)
                + " is " + JsonValues.typeOf(value) + ", expected " + expected);
    }

    void outOfRange(String path, String name, JsonNode value, ValueRange range) {
        report(ReasonCode.OUT_OF_RANGE, join(path, name) + " " + JsonValues.show(value) + " " + range.violation());
    }

    /** Records a violation; it decides the reading's fate if it takes precedence over all so far. */
    void report(ReasonCode reason, String detail) {
        if (decisive == null || reason.takesPrecedenceOver(decisive.reason())) {
            decisive = new Violation(reason, detail);
        }
    }

    static String join(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }
}
