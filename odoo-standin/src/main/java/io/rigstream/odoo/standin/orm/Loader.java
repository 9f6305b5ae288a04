package io.rigstream.odoo.standin.orm;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code model.load(fields, rows)}: upserts by external id in the {@code id} column, all rows in one transaction.
 * A row that fails does not stop the others from being tried, so the answer names every bad row; then nothing is
 * kept ({@code ids: false}), as on a real server.
 */
public final class Loader {

    private Loader() {
    }

    static Map<String, Object> load(Database database, ModelSpec model, List<String> columns, List<List<Object>> rows, ZoneId zone) {
        columns.forEach(column -> model.requireField(column.contains("/") ? column.substring(0, column.indexOf('/')) : column));
        return database.transaction(tx -> loadRows(tx, model, columns, rows, zone), result -> result.get("ids") == Boolean.FALSE);
    }

    private static Map<String, Object> loadRows(Database.Transaction tx, ModelSpec model, List<String> columns, List<List<Object>> rows,
            ZoneId zone) {
        List<Integer> ids = new ArrayList<>();
        List<Map<String, Object>> messages = new ArrayList<>();
        for (int index = 0; index < rows.size(); index++) {
            try {
                ids.add(loadRow(tx, model, columns, rows.get(index), zone));
            } catch (ImportConverter.CellError e) {
                messages.add(rowMessage(index, e.message));
            } catch (OdooError e) {
                Map<String, Object> message = new LinkedHashMap<>();
                message.put("message", e.getMessage());
                messages.add(rowMessage(index, message));
            }
        }
        return result(messages.isEmpty() ? ids : false, messages);
    }

    private static int loadRow(Database.Transaction tx, ModelSpec model, List<String> columns, List<Object> row, ZoneId zone)
            throws ImportConverter.CellError {
        Optional<String> xmlid = Optional.empty();
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            Object cell = i < row.size() ? row.get(i) : null;
            String column = columns.get(i);
            if ("id".equals(column)) {
                String text = cell == null || Boolean.FALSE.equals(cell) ? "" : cell.toString();
                xmlid = text.isEmpty() ? Optional.empty() : Optional.of(text.contains(".") ? text : "__import__." + text);
            } else {
                String field = column.contains("/") ? column.substring(0, column.indexOf('/')) : column;
                values.put(field, ImportConverter.convert(tx, model, column, cell, zone));
            }
        }
        Optional<Integer> existing = xmlid.flatMap(id -> tx.resolveXmlid(id, model.name()));
        if (existing.isPresent()) {
            RecordWriter.write(tx, model, List.of(existing.get()), values, 0);
            return existing.get();
        }
        int id = RecordWriter.create(tx, model, values);
        xmlid.ifPresent(name -> tx.bindXmlid(name, model.name(), id));
        return id;
    }

    /** A load answer in which every row failed with {@code message}: nothing written. */
    public static Map<String, Object> everyRowFailed(int rows, String message) {
        List<Map<String, Object>> messages = new ArrayList<>();
        for (int index = 0; index < rows; index++) {
            messages.add(rowMessage(index, new LinkedHashMap<>(Map.of("message", message))));
        }
        return result(false, messages);
    }

    private static Map<String, Object> result(Object ids, List<Map<String, Object>> messages) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("ids", ids);
        result.put("messages", messages);
        result.put("nextrow", 0);
        return result;
    }

    private static Map<String, Object> rowMessage(int index, Map<String, Object> detail) {
        Map<String, Object> message = new LinkedHashMap<>();
        Map<String, Object> rows = new LinkedHashMap<>();
        rows.put("from", index);
        rows.put("to", index);
        message.put("rows", rows);
        message.put("type", "error");
        message.put("record", index);
        message.putAll(detail);
        return message;
    }
}
