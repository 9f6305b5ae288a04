package io.rigstream.odoo.standin.orm;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * create and write with the checks a real server makes, in its order: unknown fields and selection values first
 * (nothing inserted yet), then the database constraints (NOT NULL, foreign keys, UNIQUE), which cost an id.
 */
final class RecordWriter {

    private RecordWriter() {
    }

    static int create(Database.Transaction tx, ModelSpec model, Map<String, Object> vals) {
        checkFieldsAndSelections(model, vals);
        Map<String, Object> row = new LinkedHashMap<>();
        model.fields().values().forEach(field -> {
            if (field.defaultValue() != null) {
                row.put(field.name(), field.defaultValue());
            }
        });
        vals.forEach((name, value) -> {
            if (!"id".equals(name)) {
                row.put(name, value);
            }
        });
        for (FieldSpec field : model.fields().values()) {
            if (field.required() && isEmpty(row.get(field.name()))) {
                tx.burnId(model.name());
                throw Messages.mandatoryField(model, field);
            }
        }
        checkConstraints(tx, model, row, 0);
        return tx.insert(model.name(), row);
    }

    static void write(Database.Transaction tx, ModelSpec model, List<Integer> ids, Map<String, Object> vals, int uid) {
        List<Integer> missing = ids.stream().filter(id -> tx.get(model.name(), id).isEmpty()).toList();
        if (!missing.isEmpty()) {
            throw Messages.missingRecords(model, missing, uid);
        }
        checkFieldsAndSelections(model, vals);
        for (Map.Entry<String, Object> entry : vals.entrySet()) {
            FieldSpec field = model.fields().get(entry.getKey());
            if (field != null && field.required() && isEmpty(entry.getValue())) {
                throw Messages.mandatoryField(model, field);
            }
        }
        for (int id : ids) {
            Map<String, Object> row = new LinkedHashMap<>(tx.get(model.name(), id).orElseThrow());
            row.putAll(vals);
            checkConstraints(tx, model, row, id);
            Map<String, Object> changes = new LinkedHashMap<>(vals);
            changes.remove("id");
            tx.update(model.name(), id, changes);
        }
    }

    static boolean isEmpty(Object value) {
        return value == null || Boolean.FALSE.equals(value) || "".equals(value);
    }

    private static void checkFieldsAndSelections(ModelSpec model, Map<String, Object> vals) {
        for (Map.Entry<String, Object> entry : vals.entrySet()) {
            FieldSpec field = model.requireField(entry.getKey());
            if (field != null && field.type() == FieldType.SELECTION && !isEmpty(entry.getValue())
                    && !field.selection().containsKey(String.valueOf(entry.getValue()))) {
                throw Messages.badSelection(model, field, entry.getValue());
            }
        }
    }

    /** Foreign keys and UNIQUE constraints of {@code row}, which is record {@code selfId} (0 for a new one). */
    private static void checkConstraints(Database.Transaction tx, ModelSpec model, Map<String, Object> row, int selfId) {
        for (FieldSpec field : model.fields().values()) {
            Object value = row.get(field.name());
            if (isEmpty(value)) {
                continue;
            }
            if (field.type() == FieldType.MANY2ONE
                    && (!(value instanceof Number id) || tx.get(field.comodel(), id.intValue()).isEmpty())) {
                failInsert(tx, model, selfId);
                throw Messages.foreignKey(model, field);
            }
            if (field.unique() != null && tx.ids(model.name()).stream()
                    .filter(id -> id != selfId)
                    .anyMatch(id -> Objects.equals(tx.get(model.name(), id).orElseThrow().get(field.name()), value))) {
                failInsert(tx, model, selfId);
                throw Messages.unique(field);
            }
        }
    }

    private static void failInsert(Database.Transaction tx, ModelSpec model, int selfId) {
        if (selfId == 0) {
            tx.burnId(model.name());
        }
    }
}
