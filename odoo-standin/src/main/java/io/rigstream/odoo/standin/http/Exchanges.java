package io.rigstream.odoo.standin.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import io.rigstream.odoo.standin.faults.FaultInjector;
import io.rigstream.odoo.standin.orm.OdooError;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Writing answers the way Odoo (and the proxy in front of it) does. */
final class Exchanges {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String JSON_TYPE = "application/json; charset=utf-8";
    static final String HTML_TYPE = "text/html; charset=utf-8";

    private Exchanges() {
    }

    static void respond(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    static void respondJson(HttpExchange exchange, int status, Object body) throws IOException {
        respond(exchange, status, JSON_TYPE, JSON.writeValueAsString(body));
    }

    /** A status from the server or its proxy instead of an answer: a bare HTML page, with Retry-After if told. */
    static void respondFault(HttpExchange exchange, FaultInjector.StatusAnswer answer) throws IOException {
        answer.retryAfter().ifPresent(after -> exchange.getResponseHeaders()
                .set("Retry-After", Long.toString(Math.max(1, (after.toMillis() + 999) / 1000))));
        respond(exchange, answer.status(), HTML_TYPE,
                "<html><head><title>" + answer.status() + "</title></head><body><h1>" + answer.status() + "</h1></body></html>");
    }

    /** The {@code data} of a JSON-RPC error, and the whole body of a JSON-2 error. */
    static Map<String, Object> errorData(OdooError error) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("name", error.name());
        data.put("debug", error.debug());
        data.put("message", error.getMessage());
        data.put("arguments", error.arguments());
        data.put("context", Map.of());
        return data;
    }

    /** Closes the connection without an answer: a crashed worker or a cut network. */
    static void drop(HttpExchange exchange) {
        exchange.close();
    }

    static final com.fasterxml.jackson.core.type.TypeReference<Map<String, Object>> MAP_TYPE = new com.fasterxml.jackson.core.type.TypeReference<>() {
    };

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    /** Record ids as JSON carries them: a list of numbers, or one number. */
    static List<Integer> ids(Object value) {
        if (value instanceof Number id) {
            return List.of(id.intValue());
        }
        return list(value).stream().map(id -> ((Number) id).intValue()).toList();
    }

    static List<Object> list(Object value) {
        return value instanceof List<?> list ? new java.util.ArrayList<>(list) : List.of();
    }
}
