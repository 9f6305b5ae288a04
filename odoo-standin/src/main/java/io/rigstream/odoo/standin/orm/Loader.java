package io.rigstream.odoo.standin.orm;

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
final class Loader {

    private Loader() {
    }

    static Map<String, Object> load(Database database, ModelSpec model, List<String> columns, List<List<Object>> rows) {
        columns.forEach(column -> model.requireField(column.contains("/") ? column.substring(0, column.indexOf('/')) : column));
        return database.transaction(tx -> loadRows(tx, model, columns, rows), result -> result.get("ids") == Boolean.FALSE);
    }

    private static Map<String, Object> loadRows(Database.Transaction tx, ModelSpec model, List<String> columns, List<List<Object>> rows) {
        List<Integer> ids = new ArrayList<>();
        List<Map<String, Object>> messages = new ArrayList<>();
        for (int index = 0; index < rows.size(); index++) {
            try {
                ids.add(loadRow(tx, model, columns, rows.get(index)));
            } catch (ImportConverter.CellError e) {
                messages.add(rowMessage(index, e.message));
            } catch (OdooError e) {
                Map<String, Object> message = new LinkedHashMap<>();
                message.put("message", e.getMessage());
                messages.add(rowMessage(index, message));
            }
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("ids", messages.isEmpty() ? ids : false);
        result.put("messages", messages);
        result.put("nextrow", 0);
        return result;
    }

    private static int loadRow(Database.Transaction tx, ModelSpec model, List<String> columns, List<Object> row)
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
                values.put(field, ImportConverter.convert(tx, model, column, cell));
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
