package io.rigstream.odoo.sink.mapping;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One row for {@code model.load}: the external id and the other columns as text, as Odoo's import expects them.
 * Relations that need a lookup first are named here and added as {@code field/.id} columns once resolved.
 *
 * @param equipmentSerial serial_no of the maintenance.equipment this row points at, if it needs one
 * @param jobId           the job whose project this row belongs to, if it needs one
 */
public record OdooRow(String model, String externalId, Map<String, String> values, Optional<String> equipmentSerial,
        Optional<String> jobId) {

    public static final String EQUIPMENT_COLUMN = "equipment_id/.id";
    public static final String PROJECT_COLUMN = "project_id/.id";

    public OdooRow {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** The {@code load} columns: {@code id} first, then the values in their order. */
    public List<String> columns() {
        List<String> columns = new java.util.ArrayList<>();
        columns.add("id");
        columns.addAll(values.keySet());
        return columns;
    }

    public List<String> cells() {
        List<String> cells = new java.util.ArrayList<>();
        cells.add(externalId);
        cells.addAll(values.values());
        return cells;
    }

    public OdooRow with(String column, String value) {
        Map<String, String> more = new LinkedHashMap<>(values);
        more.put(column, value);
        return new OdooRow(model, externalId, more, equipmentSerial, jobId);
    }
}
