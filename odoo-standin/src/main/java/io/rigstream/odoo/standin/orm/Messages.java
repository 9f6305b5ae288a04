package io.rigstream.odoo.standin.orm;

import java.util.List;
import java.util.stream.Collectors;

/** Odoo's own wording of the constraint errors clients see, so tests can assert on what real servers say. */
final class Messages {

    private Messages() {
    }

    static OdooError mandatoryField(ModelSpec model, FieldSpec field) {
        String where = "Field: " + field.label() + " (" + field.name() + ")";
        return new OdooError(OdooError.VALIDATION_ERROR, "The operation cannot be completed:\n"
                + "- Create/update: a mandatory field is not set.\n"
                + "- Delete: another model requires the record being deleted. If possible, archive it instead.\n\n"
                + "Model: " + model.displayName() + "\n" + where + "\n", where + "  [traceback shortened]");
    }

    static OdooError foreignKey(ModelSpec model, FieldSpec field) {
        String constraint = "Constraint: " + model.name().replace('.', '_') + "_" + field.name() + "_fkey";
        return new OdooError(OdooError.VALIDATION_ERROR, "The operation cannot be completed: another model requires "
                + "the record being deleted. If possible, archive it instead.\n\n"
                + "Model: " + model.displayName() + "\n" + constraint + "\n", constraint + "  [traceback shortened]");
    }

    static OdooError unique(FieldSpec field) {
        return OdooError.of(OdooError.VALIDATION_ERROR, field.unique());
    }

    static OdooError badSelection(ModelSpec model, FieldSpec field, Object value) {
        return OdooError.of(OdooError.VALUE_ERROR, "Wrong value for " + model.name() + "." + field.name() + ": " + pythonRepr(value));
    }

    static OdooError missingRecords(ModelSpec model, List<Integer> ids, int uid) {
        String tuple = ids.size() == 1 ? "(" + ids.get(0) + ",)"
                : ids.stream().map(String::valueOf).collect(Collectors.joining(", ", "(", ")"));
        String record = "(Record: " + model.name() + tuple + ", User: " + uid + ")";
        return new OdooError(OdooError.MISSING_ERROR, "Record does not exist or has been deleted.\n" + record,
                record + "  [traceback shortened]");
    }

    static OdooError accessError(ModelSpec model, String operation) {
        return OdooError.of(OdooError.ACCESS_ERROR, "You are not allowed to " + operation + " '" + model.description()
                + "' (" + model.name() + ") records.\n\nThis operation is allowed for the following groups:\n\t- "
                + model.writeGroup() + "\n\nContact your administrator to request access if necessary.");
    }

    static String pythonRepr(Object value) {
        if (value instanceof String text) {
            return "'" + text + "'";
        }
        if (value instanceof Boolean bool) {
            return bool ? "True" : "False";
        }
        return value == null ? "None" : value.toString();
    }
}
