package io.rigstream.odoo.standin.orm;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A model: its technical name, its description (Odoo's {@code _description}, used in messages), its fields, and the
 * group whose members may write it (named in access errors).
 */
public record ModelSpec(String name, String description, Map<String, FieldSpec> fields, String writeGroup) {

    public static ModelSpec of(String name, String description, String writeGroup, List<FieldSpec> fields) {
        Map<String, FieldSpec> byName = new LinkedHashMap<>();
        fields.forEach(field -> byName.put(field.name(), field));
        return new ModelSpec(name, description, java.util.Collections.unmodifiableMap(byName), writeGroup);
    }

    public Optional<FieldSpec> field(String fieldName) {
        return Optional.ofNullable(fields.get(fieldName));
    }

    public FieldSpec requireField(String fieldName) {
        FieldSpec field = fields.get(fieldName);
        if (field == null && !"id".equals(fieldName)) {
            throw OdooError.unknownField(name, fieldName);
        }
        return field;
    }

    /** "Maintenance Request (maintenance.request)", as Odoo names a model in messages. */
    public String displayName() {
        return description + " (" + name + ")";
    }
}
