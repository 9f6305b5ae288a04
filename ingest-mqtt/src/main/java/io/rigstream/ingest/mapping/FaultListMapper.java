package io.rigstream.ingest.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import io.rigstream.schemas.Fault;
import io.rigstream.schemas.Lamp;
import java.util.ArrayList;
import java.util.List;

/** Maps a reading's {@code faults} array into J1939 {@link Fault}s. */
final class FaultListMapper {

    private static final String FAULTS = "faults";
    private static final Lamp[] LAMPS = Lamp.values();
    private static final String LAMP_NAMES = "red, amber, protect, mil, none";

    private FaultListMapper() {
    }

    /**
     * The faults, or null when the reading has no {@code faults}. An empty array maps to an empty
     * list: it says "no active fault", which is information.
     */
    static List<Fault> map(JsonNode reading, FieldReader fields) {
        JsonNode faults = fields.array(reading, "", FAULTS);
        if (faults == null) {
            return null;
        }
        List<Fault> mapped = new ArrayList<>(faults.size());
        for (int i = 0; i < faults.size(); i++) {
            JsonNode fault = faults.get(i);
            String path = FAULTS + "[" + i + "]";
            if (!fault.isObject()) {
                fields.report(ReasonCode.BAD_TYPE, path + " " + JsonValues.show(fault)
                        + " is " + JsonValues.typeOf(fault) + ", expected an object");
                continue;
            }
            Fault mappedFault = mapFault(fault, path, fields);
            if (mappedFault != null) {
                mapped.add(mappedFault);
            }
        }
        return mapped;
    }

    private static Fault mapFault(JsonNode fault, String path, FieldReader fields) {
        requirePresent(fault, path, "spn", fields);
        requirePresent(fault, path, "fmi", fields);
        Integer spn = fields.smallInteger(fault, path, "spn", ValueRange.SPN);
        Integer fmi = fields.smallInteger(fault, path, "fmi", ValueRange.FMI);
        Lamp lamp = lamp(fault, path, fields);
        Boolean active = fields.bool(fault, path, "active");
        Integer occurrences = fields.smallInteger(fault, path, "oc", ValueRange.NON_NEGATIVE_INT);
        Integer source = fields.smallInteger(fault, path, "source", ValueRange.SOURCE_ADDRESS);
        if (spn == null || fmi == null || lamp == null) {
            return null;
        }
        return new Fault(spn, fmi, lamp, active == null ? Boolean.TRUE : active, occurrences, source);
    }

    private static void requirePresent(JsonNode fault, String path, String name, FieldReader fields) {
        if (FieldReader.present(fault, name) == null) {
            fields.missing(path, name, "");
        }
    }

    /** The lamp in any letter case; NONE when absent, as the schema says; null when unknown. */
    private static Lamp lamp(JsonNode fault, String path, FieldReader fields) {
        JsonNode value = FieldReader.present(fault, "lamp");
        if (value == null) {
            return Lamp.NONE;
        }
        String text = fields.text(fault, path, "lamp");
        if (text == null) {
            return null;
        }
        for (Lamp lamp : LAMPS) {
            if (equalsIgnoringAsciiCase(text, lamp.name())) {
                return lamp;
            }
        }
        fields.report(ReasonCode.OUT_OF_RANGE,
                FieldReader.join(path, "lamp") + " " + JsonValues.show(value) + " is not one of " + LAMP_NAMES);
        return null;
    }

    /**
     * Compares ignoring ASCII case only: String.equalsIgnoreCase would also take, for instance,
     * the Turkish dotted capital I as an "i" and accept "mİl".
     */
    private static boolean equalsIgnoringAsciiCase(String text, String upperCaseName) {
        if (text.length() != upperCaseName.length()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            char upper = c >= 'a' && c <= 'z' ? (char) (c - ('a' - 'A')) : c;
            if (upper != upperCaseName.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
