package io.rigstream.odoo.standin.orm;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The parameter names of the ORM methods the stand-in serves, so positional JSON-RPC arguments and named JSON-2
 * parameters reach the same implementation. Methods on records take their ids first over JSON-RPC and in the
 * {@code ids} body field over JSON-2.
 */
public final class MethodSignatures {

    private static final Map<String, List<String>> PARAMETERS = Map.ofEntries(
            Map.entry("create", List.of("vals_list")),
            Map.entry("write", List.of("vals")),
            Map.entry("read", List.of("fields")),
            Map.entry("unlink", List.of()),
            Map.entry("search", List.of("domain", "offset", "limit", "order")),
            Map.entry("search_read", List.of("domain", "fields", "offset", "limit", "order")),
            Map.entry("search_count", List.of("domain", "limit")),
            Map.entry("load", List.of("fields", "data")),
            Map.entry("check_access_rights", List.of("operation", "raise_exception")),
            Map.entry("has_access", List.of("operation")),
            Map.entry("check_object_reference", List.of("module", "xml_id")));

    private static final List<String> ON_RECORDS = List.of("write", "read", "unlink", "has_access");

    private MethodSignatures() {
    }

    public static boolean known(String method) {
        return PARAMETERS.containsKey(method);
    }

    public static boolean onRecords(String method) {
        return ON_RECORDS.contains(method);
    }

    /** Names JSON-RPC's positional arguments; keyword arguments are added as they are. */
    public static Map<String, Object> name(String method, List<Object> positional, Map<String, Object> keywords) {
        List<String> names = PARAMETERS.get(method);
        Map<String, Object> named = new LinkedHashMap<>();
        for (int i = 0; i < positional.size() && i < names.size(); i++) {
            named.put(names.get(i), positional.get(i));
        }
        named.putAll(keywords);
        return named;
    }
}
