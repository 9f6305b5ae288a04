package io.rigstream.odoo.sink.odoo;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One ORM call, protocol-neutral: JSON-RPC sends the parameters positionally in this order (ids first when present),
 * JSON-2 sends them by name.
 *
 * @param ids     record ids for methods called on records; empty for model methods
 * @param records how many records the call writes, for the records-per-second cap
 */
public record OdooCall(String model, String method, Optional<List<Integer>> ids, Map<String, Object> params,
        Map<String, Object> context, int records) {

    public OdooCall {
        if (params.size() > 1 && !(params instanceof LinkedHashMap)) {
            throw new IllegalArgumentException("parameters of " + model + "." + method
                    + " must keep their order (a LinkedHashMap): JSON-RPC sends them positionally");
        }
        params = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(params));
        context = Map.copyOf(context);
    }

    public static OdooCall onModel(String model, String method, LinkedHashMap<String, Object> params) {
        return new OdooCall(model, method, Optional.empty(), params, Map.of(), 0);
    }

    /** {@code model.load(fields, data)}: the idempotent upsert every write of the sink goes through. */
    public static OdooCall load(String model, List<String> fields, List<List<String>> rows, Map<String, Object> context) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("fields", fields);
        params.put("data", rows);
        return new OdooCall(model, "load", Optional.empty(), params, context, rows.size());
    }
}
