package io.rigstream.odoo.standin.orm;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Converts one cell of a {@code load} row, as Odoo's {@code ir.fields.converter} does: values are text, relations are
 * given by name, external id ({@code field/id}) or database id ({@code field/.id}). A failure becomes the row message
 * a real server returns, with its {@code field}, {@code field_name} and {@code moreinfo}.
 */
final class ImportConverter {

    private static final DateTimeFormatter DATETIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /** A cell that could not be converted; {@link #message} is the row message without its row coordinates. */
    static final class CellError extends Exception {
        final Map<String, Object> message;

        CellError(Map<String, Object> message) {
            super(String.valueOf(message.get("message")), null, false, false);
            this.message = message;
        }
    }

    private ImportConverter() {
    }

    /**
     * @param column {@code field}, {@code field/id} or {@code field/.id}
     * @param zone   the time zone datetime text is in; stored datetimes are UTC
     */
    static Object convert(Database.Transaction tx, ModelSpec model, String column, Object raw, ZoneId zone) throws CellError {
        String fieldName = column.contains("/") ? column.substring(0, column.indexOf('/')) : column;
        String subfield = column.contains("/") ? column.substring(column.indexOf('/') + 1) : "";
        FieldSpec field = model.requireField(fieldName);
        String text = raw == null || Boolean.FALSE.equals(raw) ? "" : raw.toString();
        if (text.isEmpty()) {
            return false;
        }
        return switch (field.type()) {
            case CHAR, TEXT, HTML -> text;
            case INTEGER -> number(field, text).intValue();
            case FLOAT -> number(field, text);
            case BOOLEAN -> List.of("1", "true", "yes").contains(text.toLowerCase());
            case DATE -> date(field, text);
            case DATETIME -> datetime(field, text, zone);
            case SELECTION -> selection(field, text);
            case MANY2ONE -> relation(tx, field, subfield, text);
        };
    }

    private static Double number(FieldSpec field, String text) throws CellError {
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw error(field, "'" + text + "' does not seem to be a number for field '" + field.label() + "'", null);
        }
    }

    private static String date(FieldSpec field, String text) throws CellError {
        try {
            return LocalDate.parse(text).toString();
        } catch (DateTimeParseException e) {
            throw error(field, "'" + text + "' does not seem to be a valid date for field '" + field.label() + "'", null);
        }
    }

    private static String datetime(FieldSpec field, String text, ZoneId zone) throws CellError {
        try {
            return LocalDateTime.parse(text, DATETIME).atZone(zone).withZoneSameInstant(ZoneOffset.UTC).format(DATETIME);
        } catch (DateTimeParseException e) {
            throw error(field, "'" + text + "' does not seem to be a valid datetime for field '" + field.label() + "'", null);
        }
    }

    private static String selection(FieldSpec field, String text) throws CellError {
        for (Map.Entry<String, String> option : field.selection().entrySet()) {
            if (option.getKey().equals(text) || option.getValue().equalsIgnoreCase(text)) {
                return option.getKey();
            }
        }
        throw error(field, "Value '" + text + "' not found in selection field '" + field.label() + "'",
                new ArrayList<>(field.selection().values()));
    }

    private static int relation(Database.Transaction tx, FieldSpec field, String subfield, String text) throws CellError {
        switch (subfield) {
            case "id" -> {
                String xmlid = text.contains(".") ? text : "__import__." + text;
                return tx.resolveXmlid(xmlid, field.comodel()).orElseThrow(() -> error(field,
                        "No matching record found for external id '" + text + "' in field '" + field.label() + "'",
                        possibleValues(Models.MODEL_DATA, List.of(List.of("model", "=", field.comodel())))));
            }
            case ".id" -> {
                try {
                    int id = Integer.parseInt(text);
                    if (tx.get(field.comodel(), id).isPresent()) {
                        return id;
                    }
                } catch (NumberFormatException e) {
                    // falls through to the same answer Odoo gives for a database id that names nothing
                }
                throw error(field, "No matching record found for database id '" + text + "' in field '" + field.label() + "'",
                        possibleValues(field.comodel(), List.of()));
            }
            default -> {
                return tx.ids(field.comodel()).stream()
                        .filter(id -> text.equals(tx.get(field.comodel(), id).orElseThrow().get("name")))
                        .findFirst()
                        .orElseThrow(() -> error(field, "No matching record found for name '" + text + "' in field '"
                                + field.label() + "'", possibleValues(field.comodel(), List.of())));
            }
        }
    }

    private static CellError error(FieldSpec field, String text, Object moreinfo) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("field", field.name());
        message.put("message", text);
        if (moreinfo != null) {
            message.put("moreinfo", moreinfo);
        }
        message.put("field_name", field.label());
        return new CellError(message);
    }

    /** The "See all possible values" action Odoo attaches to a relation it could not resolve. */
    private static Map<String, Object> possibleValues(String resModel, List<Object> domain) {
        Map<String, Object> action = new LinkedHashMap<>();
        action.put("name", "Possible Values");
        action.put("type", "ir.actions.act_window");
        action.put("target", "new");
        action.put("view_mode", "tree,form");
        action.put("views", List.of(List.of(false, "list"), List.of(false, "form")));
        action.put("context", Map.of("create", false));
        action.put("help", "See all possible values");
        action.put("res_model", resModel);
        action.put("domain", domain);
        return action;
    }
}
