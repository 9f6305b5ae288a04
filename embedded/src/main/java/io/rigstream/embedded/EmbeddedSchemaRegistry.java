package io.rigstream.embedded;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;

/**
 * A stand-in for a Confluent-compatible Schema Registry, over real HTTP on loopback, for tests and demos whose
 * services run in separate processes (where {@code mock://} cannot work). It serves the two calls rigstream uses,
 * with the real API's status codes and error bodies: {@code POST /subjects/{subject}/versions} (200 with the id;
 * 422 / error_code 42201 for an invalid schema) and {@code GET /schemas/ids/{id}} (404 / error_code 40403 when
 * unknown). It does not check compatibility.
 */
public final class EmbeddedSchemaRegistry implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";

    private final HttpServer server;
    private final Map<String, Integer> idsBySchema = new LinkedHashMap<>();
    private final Map<Integer, String> schemasById = new LinkedHashMap<>();
    private final Map<String, List<Integer>> versionsBySubject = new LinkedHashMap<>();
    private final AtomicInteger requests = new AtomicInteger();

    private EmbeddedSchemaRegistry(HttpServer server) {
        this.server = server;
    }

    public static EmbeddedSchemaRegistry start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
            EmbeddedSchemaRegistry registry = new EmbeddedSchemaRegistry(server);
            server.createContext("/", registry::handle);
            server.start();
            return registry;
        } catch (IOException e) {
            throw new IllegalStateException("Could not start the schema registry stand-in", e);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** HTTP requests served so far: lets a test prove a client caches. */
    public int requestCount() {
        return requests.get();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        requests.incrementAndGet();
        String path = exchange.getRequestURI().getRawPath();
        String method = exchange.getRequestMethod();
        try {
            if ("POST".equals(method) && path.startsWith("/subjects/") && path.endsWith("/versions")) {
                String subject = URLDecoder.decode(path.substring("/subjects/".length(), path.length() - "/versions".length()),
                        StandardCharsets.UTF_8);
                register(exchange, subject);
            } else if ("GET".equals(method) && path.startsWith("/schemas/ids/")) {
                lookup(exchange, path.substring("/schemas/ids/".length()));
            } else {
                error(exchange, 404, 404, "HTTP 404 Not Found");
            }
        } catch (RuntimeException e) {
            error(exchange, 500, 50001, "Error in the backend data store: " + e.getMessage());
        }
    }

    private void register(HttpExchange exchange, String subject) throws IOException {
        JsonNode body;
        try {
            body = JSON.readTree(exchange.getRequestBody());
        } catch (IOException e) {
            error(exchange, 400, 400, "Unrecognized field or malformed JSON");
            return;
        }
        JsonNode schemaText = body == null ? null : body.get("schema");
        if (schemaText == null || !schemaText.isTextual()) {
            error(exchange, 422, 42201, "Empty schema");
            return;
        }
        String canonical;
        try {
            canonical = new Schema.Parser().parse(schemaText.asText()).toString();
        } catch (SchemaParseException e) {
            error(exchange, 422, 42201, "Invalid schema " + e.getMessage());
            return;
        }
        int id;
        synchronized (this) {
            id = idsBySchema.computeIfAbsent(canonical, s -> {
                int next = schemasById.size() + 1;
                schemasById.put(next, s);
                return next;
            });
            List<Integer> versions = versionsBySubject.computeIfAbsent(subject, s -> new ArrayList<>());
            if (!versions.contains(id)) {
                versions.add(id);
            }
        }
        respond(exchange, 200, JSON.createObjectNode().put("id", id).toString());
    }

    private void lookup(HttpExchange exchange, String idText) throws IOException {
        String schema;
        synchronized (this) {
            schema = idText.matches("\\d{1,9}") ? schemasById.get(Integer.parseInt(idText)) : null;
        }
        if (schema == null) {
            error(exchange, 404, 40403, "Schema " + idText + " not found");
            return;
        }
        respond(exchange, 200, JSON.createObjectNode().put("schema", schema).toString());
    }

    private static void error(HttpExchange exchange, int status, int errorCode, String message) throws IOException {
        respond(exchange, status, JSON.createObjectNode().put("error_code", errorCode).put("message", message).toString());
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", CONTENT_TYPE);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
