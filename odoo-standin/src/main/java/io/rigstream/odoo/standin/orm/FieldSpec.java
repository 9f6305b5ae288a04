package io.rigstream.odoo.standin.orm;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One field of a model as far as the stand-in enforces it.
 *
 * @param selection value to label, for selection fields (in Odoo's order)
 * @param comodel   target model of a many2one
 * @param unique    message of a UNIQUE constraint on this field, or null
 */
public record FieldSpec(String name, String label, FieldType type, boolean required, Object defaultValue,
        Map<String, String> selection, String comodel, String unique) {

    public FieldSpec {
        selection = selection == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(selection));
    }

    public static FieldSpec of(String name, String label, FieldType type) {
        return new FieldSpec(name, label, type, false, null, null, null, null);
    }

    public static FieldSpec many2one(String name, String label, String comodel) {
        return new FieldSpec(name, label, FieldType.MANY2ONE, false, null, null, comodel, null);
    }

    public static FieldSpec selection(String name, String label, Map<String, String> values, String defaultValue) {
        return new FieldSpec(name, label, FieldType.SELECTION, false, defaultValue, values, null, null);
    }

    public FieldSpec asRequired() {
        return new FieldSpec(name, label, type, true, defaultValue, selection, comodel, unique);
    }

    public FieldSpec withDefault(Object value) {
        return new FieldSpec(name, label, type, required, value, selection, comodel, unique);
    }

    public FieldSpec unique(String message) {
        return new FieldSpec(name, label, type, required, defaultValue, selection, comodel, message);
    }
}
