package io.rigstream.schemas.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;

/**
 * Client of the Confluent Schema Registry REST API (also served by Apicurio's ccompat API, Karapace and Redpanda).
 * Uses {@code POST /subjects/{subject}/versions} to register and {@code GET /schemas/ids/{id}} to look up,
 * caching both ways so the hot path never leaves the JVM after the first record of a schema.
 */
public final class HttpSchemaRegistryClient implements SchemaRegistryClient {

    private static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI baseUri;
    private final HttpClient http;
    private final Duration requestTimeout;
    private final Optional<String> authorization;
    private final Map<String, Integer> idsBySubjectAndSchema = new ConcurrentHashMap<>();
    private final Map<Integer, Schema> schemasById = new ConcurrentHashMap<>();

    /**
     * @param baseUrl       e.g. {@code http://registry:8081}
     * @param basicAuthUserInfo {@code user:password} for HTTP basic auth, or empty
     */
    public HttpSchemaRegistryClient(String baseUrl, Optional<String> basicAuthUserInfo, Duration requestTimeout) {
        this.baseUri = URI.create(baseUrl.endsWith("/") ? baseUrl : baseUrl + "/");
        this.requestTimeout = requestTimeout;
        this.http = HttpClient.newBuilder().connectTimeout(requestTimeout).build();
        this.authorization = basicAuthUserInfo.map(userInfo ->
                "Basic " + Base64.getEncoder().encodeToString(userInfo.getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public int register(String subject, Schema schema) {
        String schemaText = schema.toString();
        return idsBySubjectAndSchema.computeIfAbsent(subject + '\u0000' + schemaText, k -> {
            String body = JSON.createObjectNode().put("schema", schemaText).toString();
            JsonNode answer = send(HttpRequest.newBuilder(resolve("subjects/" + encode(subject) + "/versions"))
                    .POST(HttpRequest.BodyPublishers.ofString(body)), "register a schema under subject " + subject);
            int id = requiredInt(answer, "id", "register");
            schemasById.putIfAbsent(id, schema);
            return id;
        });
    }

    @Override
    public Schema schemaById(int id) {
        return schemasById.computeIfAbsent(id, k -> {
            JsonNode answer = send(HttpRequest.newBuilder(resolve("schemas/ids/" + id)).GET(), "look up schema id " + id);
            JsonNode schemaText = answer.get("schema");
            if (schemaText == null || !schemaText.isTextual()) {
                throw new SchemaRegistryException("Schema registry answered schema id " + id + " without a 'schema' string");
            }
            String type = answer.path("schemaType").asText("AVRO");
            if (!"AVRO".equals(type)) {
                throw new SchemaRegistryException("Schema id " + id + " is a " + type + " schema, not Avro");
            }
            return new Schema.Parser().parse(schemaText.asText());
        });
    }

    private JsonNode send(HttpRequest.Builder request, String what) {
        request.timeout(requestTimeout).header("Accept", CONTENT_TYPE).header("Content-Type", CONTENT_TYPE);
        authorization.ifPresent(value -> request.header("Authorization", value));
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new SchemaRegistryException("Schema registry at " + baseUri + " unreachable while trying to " + what
                    + ": " + e.getMessage(), 0, 0, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SchemaRegistryException("Interrupted while trying to " + what, 0, 0, e);
        }
        JsonNode body = parse(response.body());
        if (response.statusCode() / 100 != 2) {
            int errorCode = body.path("error_code").asInt(0);
            String message = body.path("message").asText(response.body());
            throw new SchemaRegistryException("Schema registry refused to " + what + ": HTTP " + response.statusCode()
                    + " error_code " + errorCode + ": " + message, response.statusCode(), errorCode, null);
        }
        return body;
    }

    private static JsonNode parse(String body) {
        try {
            return body == null || body.isBlank() ? JSON.createObjectNode() : JSON.readTree(body);
        } catch (IOException e) {
            return JSON.createObjectNode().put("message", body);
        }
    }

    private static int requiredInt(JsonNode node, String field, String what) {
        JsonNode value = node.get(field);
        if (value == null || !value.canConvertToInt()) {
            throw new SchemaRegistryException("Schema registry answer to " + what + " has no integer '" + field + "': " + node);
        }
        return value.asInt();
    }

    private URI resolve(String path) {
        return baseUri.resolve(path);
    }

    private static String encode(String subject) {
        return URLEncoder.encode(subject, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
