package io.rigstream.odoo.standin.orm;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Executes one ORM call for the authenticated user: both protocol endpoints end here with the model, the method, the
 * record ids (for methods on records) and the named parameters, {@code context} among them. Models in
 * {@code writeDenied} answer every write with the AccessError an "Internal User" without the right group gets.
 */
public final class OrmService {

    private static final Set<String> WRITES = Set.of("create", "write", "unlink", "load");

    private final Database database;
    private final Set<String> writeDenied;
    private final ZoneId userTimeZone;

    public OrmService(Database database, Set<String> writeDenied, ZoneId userTimeZone) {
        this.database = database;
        this.writeDenied = Set.copyOf(writeDenied);
        this.userTimeZone = userTimeZone;
    }

    public Object execute(int uid, String modelName, String method, List<Integer> ids, Map<String, Object> params) {
        ModelSpec model = database.model(modelName);
        if (!MethodSignatures.known(method)) {
            throw OdooError.unknownMethod(modelName, method);
        }
        if (WRITES.contains(method) && writeDenied.contains(modelName)) {
            throw Messages.accessError(model, "load".equals(method) ? "create" : method);
        }
        return switch (method) {
            case "create" -> create(model, params.get("vals_list"));
            case "write" -> database.transaction(tx -> {
                RecordWriter.write(tx, model, ids, map(params.get("vals")), uid);
                return true;
            });
            case "read" -> read(model, ids, params.get("fields"));
            case "unlink" -> unlink(model, ids, uid);
            case "search" -> page(matching(model, params.get("domain")), params);
            case "search_read" -> read(model, page(matching(model, params.get("domain")), params), params.get("fields"));
            case "search_count" -> matching(model, params.get("domain")).size();
            case "load" -> Loader.load(database, model, strings(params.get("fields")), rows(params.get("data")), inputZone(params));
            case "check_access_rights" -> checkAccessRights(model, params);
            case "has_access" -> !isDenied(model, String.valueOf(params.get("operation")));
            case "check_object_reference" -> checkObjectReference(model, params);
            default -> throw OdooError.unknownMethod(modelName, method);
        };
    }

    /** Odoo's import reads datetimes in the context's {@code tz}, else in the user's time zone. */
    private ZoneId inputZone(Map<String, Object> params) {
        Object tz = params.get("context") instanceof Map<?, ?> context ? context.get("tz") : null;
        return tz == null ? userTimeZone : ZoneId.of(tz.toString());
    }

    private Object create(ModelSpec model, Object valsList) {
        return database.transaction(tx -> {
            if (valsList instanceof List<?> list) {
                List<Integer> ids = new ArrayList<>();
                list.forEach(vals -> ids.add(RecordWriter.create(tx, model, map(vals))));
                return ids;
            }
            return RecordWriter.create(tx, model, map(valsList));
        });
    }

    private Object unlink(ModelSpec model, List<Integer> ids, int uid) {
        return database.transaction(tx -> {
            List<Integer> missing = ids.stream().filter(id -> tx.get(model.name(), id).isEmpty()).toList();
            if (!missing.isEmpty()) {
                throw Messages.missingRecords(model, missing, uid);
            }
            ids.forEach(id -> tx.delete(model.name(), id));
            return true;
        });
    }

    private List<Integer> matching(ModelSpec model, Object domain) {
        Predicate<Map<String, Object>> filter = Domain.parse(domain);
        return database.rows(model.name()).values().stream().filter(filter).map(row -> (Integer) row.get("id")).toList();
    }

    private static List<Integer> page(List<Integer> ids, Map<String, Object> params) {
        int offset = params.get("offset") instanceof Number n ? n.intValue() : 0;
        int limit = params.get("limit") instanceof Number n && n.intValue() > 0 ? n.intValue() : Integer.MAX_VALUE;
        return ids.stream().skip(offset).limit(limit).toList();
    }

    /** Existing records only, in the order asked; many2one values as {@code [id, display name]}, as Odoo reads them. */
    private List<Map<String, Object>> read(ModelSpec model, List<Integer> ids, Object fields) {
        List<String> wanted = fields instanceof List<?> list && !list.isEmpty() ? strings(list) : new ArrayList<>(model.fields().keySet());
        Map<Integer, Map<String, Object>> rows = database.rows(model.name());
        List<Map<String, Object>> result = new ArrayList<>();
        for (int id : ids) {
            Map<String, Object> row = rows.get(id);
            if (row == null) {
                continue;
            }
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("id", id);
            for (String name : wanted) {
                FieldSpec field = model.requireField(name);
                if (field != null) {
                    out.put(name, readValue(field, row.get(name)));
                }
            }
            result.add(out);
        }
        return result;
    }

    private Object readValue(FieldSpec field, Object value) {
        if (RecordWriter.isEmpty(value) && field.type() != FieldType.BOOLEAN) {
            return field.type() == FieldType.FLOAT || field.type() == FieldType.INTEGER ? 0 : false;
        }
        if (field.type() == FieldType.MANY2ONE) {
            int id = ((Number) value).intValue();
            Object name = database.rows(field.comodel()).getOrDefault(id, Map.of()).getOrDefault("name", "");
            return List.of(id, name);
        }
        return value;
    }

    private Object checkAccessRights(ModelSpec model, Map<String, Object> params) {
        String operation = String.valueOf(params.get("operation"));
        if (!isDenied(model, operation)) {
            return true;
        }
        if (Boolean.FALSE.equals(params.getOrDefault("raise_exception", true))) {
            return false;
        }
        throw Messages.accessError(model, operation);
    }

    private boolean isDenied(ModelSpec model, String operation) {
        return !"read".equals(operation) && writeDenied.contains(model.name());
    }

    private Object checkObjectReference(ModelSpec model, Map<String, Object> params) {
        if (!Models.MODEL_DATA.equals(model.name())) {
            throw OdooError.unknownMethod(model.name(), "check_object_reference");
        }
        String xmlid = params.get("module") + "." + params.get("xml_id");
        return database.rows(Models.MODEL_DATA).values().stream()
                .filter(row -> xmlid.equals(row.get("module") + "." + row.get("name")))
                .findFirst()
                .map(row -> (Object) List.of(row.get("model"), row.get("res_id")))
                .orElseThrow(() -> OdooError.of(OdooError.VALUE_ERROR, "External ID not found in the system: " + xmlid));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        if (!(value instanceof Map<?, ?>)) {
            throw OdooError.of(OdooError.VALUE_ERROR, "Expected a dictionary of values, got " + Messages.pythonRepr(value));
        }
        return (Map<String, Object>) value;
    }

    private static List<String> strings(Object value) {
        List<String> out = new ArrayList<>();
        ((List<?>) value).forEach(item -> out.add(String.valueOf(item)));
        return out;
    }

    @SuppressWarnings("unchecked")
    private static List<List<Object>> rows(Object value) {
        return (List<List<Object>>) value;
    }
}
