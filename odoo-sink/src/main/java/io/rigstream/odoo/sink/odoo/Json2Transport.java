package io.rigstream.odoo.sink.odoo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * JSON-2 ({@code POST /json/2/<model>/<method>}, Odoo 19+): bearer API key, the database in {@code X-Odoo-Database},
 * named parameters. Errors have real HTTP statuses and the exception (name, message) as the body.
 */
public final class Json2Transport implements OdooTransport {

    private final OdooHttp http;
    private final URI baseUrl;
    private final Map<String, String> headers;

    Json2Transport(OdooHttp http, URI baseUrl, String database, String apiKey) {
        this.http = http;
        this.baseUrl = baseUrl;
        Map<String, String> values = new LinkedHashMap<>();
        values.put("Authorization", "bearer " + apiKey);
        if (!database.isBlank()) {
            values.put("X-Odoo-Database", database);
        }
        this.headers = Map.copyOf(values);
    }

    @Override
    public JsonNode call(OdooCall call) throws OdooException, InterruptedException {
        HttpResponse<String> response = http.postJson(baseUrl.resolve("/json/2/" + call.model() + "/" + call.method()),
                body(call), headers, call.method(), call.records());
        if (response.statusCode() == 200) {
            return JsonRpcTransport.parse(response.body());
        }
        JsonNode error = response.headers().firstValue("Content-Type").orElse("").contains("json")
                ? JsonRpcTransport.parse(response.body()) : OdooHttp.JSON.createObjectNode();
        String name = error.path("name").asText("http." + response.statusCode());
        String message = error.path("message").asText("HTTP " + response.statusCode());
        ErrorKind kind = error.has("name") ? ErrorClassifier.ofOdooError(name, message) : ErrorClassifier.ofHttpStatus(response.statusCode());
        throw new OdooException(kind, name, message);
    }

    /** The JSON-2 body: {@code ids} when on records, {@code context}, then the named parameters. */
    static ObjectNode body(OdooCall call) {
        ObjectNode body = OdooHttp.JSON.createObjectNode();
        call.ids().ifPresent(ids -> body.set("ids", OdooHttp.JSON.valueToTree(ids)));
        if (!call.context().isEmpty()) {
            body.set("context", OdooHttp.JSON.valueToTree(call.context()));
        }
        call.params().forEach((name, value) -> body.set(name, OdooHttp.JSON.valueToTree(value)));
        return body;
    }
}
