package io.rigstream.odoo.sink.odoo;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The few ORM methods the sink uses, typed. */
public final class OdooApi {

    private final OdooTransport transport;

    public OdooApi(OdooTransport transport) {
        this.transport = transport;
    }

    public LoadResult load(String model, List<String> fields, List<List<String>> rows, Map<String, Object> context)
            throws OdooException, InterruptedException {
        return LoadResult.parse(transport.call(OdooCall.load(model, fields, rows, context)));
    }

    public List<JsonNode> searchRead(String model, List<Object> domain, List<String> fields) throws OdooException, InterruptedException {
        LinkedHashMap<String, Object> params = new LinkedHashMap<>();
        params.put("domain", domain);
        params.put("fields", fields);
        List<JsonNode> rows = new ArrayList<>();
        transport.call(OdooCall.onModel(model, "search_read", params)).forEach(rows::add);
        return rows;
    }
}
