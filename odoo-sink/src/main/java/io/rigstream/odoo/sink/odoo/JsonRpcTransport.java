package io.rigstream.odoo.sink.odoo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * JSON-RPC ({@code POST /jsonrpc}, Odoo 8 to 21): {@code common.version}, {@code common.authenticate} and
 * {@code object.execute_kw(db, uid, key, model, method, args, kwargs)}. Errors arrive as HTTP 200 with an
 * {@code error} member and are classified by the Python exception Odoo names.
 */
public final class JsonRpcTransport implements OdooTransport {

    private final OdooHttp http;
    private final URI endpoint;
    private final String database;
    private final int uid;
    private final String apiKey;
    private final AtomicLong ids = new AtomicLong();

    JsonRpcTransport(OdooHttp http, URI baseUrl, String database, int uid, String apiKey) {
        this.http = http;
        this.endpoint = baseUrl.resolve("/jsonrpc");
        this.database = database;
        this.uid = uid;
        this.apiKey = apiKey;
    }

    @Override
    public JsonNode call(OdooCall call) throws OdooException, InterruptedException {
        ArrayNode positional = OdooHttp.JSON.createArrayNode();
        call.ids().ifPresent(list -> positional.add(OdooHttp.JSON.valueToTree(list)));
        call.params().values().forEach(value -> positional.add(OdooHttp.JSON.<JsonNode>valueToTree(value)));
        ObjectNode kwargs = OdooHttp.JSON.createObjectNode();
        if (!call.context().isEmpty()) {
            kwargs.set("context", OdooHttp.JSON.valueToTree(call.context()));
        }
        ArrayNode args = OdooHttp.JSON.createArrayNode().add(database).add(uid).add(apiKey).add(call.model()).add(call.method());
        args.add(positional).add(kwargs);
        return send(http, endpoint, "object", "execute_kw", args, ids.incrementAndGet(), call.method(), call.records());
    }

    /** One JSON-RPC call; also used before login for {@code common.*}. */
    static JsonNode send(OdooHttp http, URI endpoint, String service, String method, ArrayNode args, long id,
            String metricName, int records) throws OdooException, InterruptedException {
        ObjectNode body = OdooHttp.JSON.createObjectNode().put("jsonrpc", "2.0").put("method", "call").put("id", id);
        body.putObject("params").put("service", service).put("method", method).set("args", args);
        HttpResponse<String> response = http.postJson(endpoint, body, Map.of(), metricName, records);
        if (response.statusCode() != 200) {
            throw new OdooException(ErrorClassifier.ofHttpStatus(response.statusCode()), "http." + response.statusCode(),
                    "Odoo answered HTTP " + response.statusCode() + " to " + endpoint + ": is odoo.url the Odoo server, "
                            + "and does it still serve JSON-RPC? (" + abbreviate(response.body()) + ")");
        }
        JsonNode answer = parse(response.body());
        JsonNode error = answer.get("error");
        if (error != null) {
            JsonNode data = error.path("data");
            String name = data.path("name").asText("unknown");
            String message = data.path("message").asText(error.path("message").asText());
            throw new OdooException(ErrorClassifier.ofOdooError(name, message), name, message);
        }
        return answer.path("result");
    }

    static JsonNode parse(String body) throws OdooException {
        try {
            return OdooHttp.JSON.readTree(body);
        } catch (java.io.IOException e) {
            throw new OdooException(ErrorKind.TRANSIENT, "rigstream.UnreadableAnswer",
                    "Odoo's answer is not JSON: " + abbreviate(body));
        }
    }

    static String abbreviate(String text) {
        return text == null ? "" : text.length() <= 200 ? text : text.substring(0, 200) + "...";
    }

    static ArrayNode array(List<?> values) {
        return OdooHttp.JSON.valueToTree(values);
    }
}
