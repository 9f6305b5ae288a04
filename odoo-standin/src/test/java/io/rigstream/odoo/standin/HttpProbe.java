package io.rigstream.odoo.standin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** A bare HTTP client for talking to the stand-in the way any client would. */
final class HttpProbe {

    static final ObjectMapper JSON = new ObjectMapper();

    record Answer(int status, String contentType, String body, HttpResponse<String> raw) {
        JsonNode json() throws IOException {
            return JSON.readTree(body);
        }
    }

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;

    HttpProbe(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    Answer post(String path, String contentType, String body, Map<String, String> headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), response.body(), response);
    }

    Answer jsonRpc(Object request) throws IOException, InterruptedException {
        return post("/jsonrpc", "application/json", JSON.writeValueAsString(request), Map.of());
    }

    /** {@code object.execute_kw} as admin on the recorded database. */
    JsonNode executeKw(String model, String method, Object args, Object kwargs) throws IOException, InterruptedException {
        Map<String, Object> request = Map.of("jsonrpc", "2.0", "method", "call", "id", 1, "params", Map.of(
                "service", "object", "method", "execute_kw",
                "args", java.util.List.of("telematics", 2, "admin", model, method, args, kwargs)));
        return jsonRpc(request).json();
    }

    Answer json2(String model, String method, String apiKey, Object body) throws IOException, InterruptedException {
        return post("/json/2/" + model + "/" + method, "application/json; charset=utf-8", JSON.writeValueAsString(body),
                Map.of("Authorization", "bearer " + apiKey, "X-Odoo-Database", "telematics"));
    }
}
