package io.rigstream.odoo.sink.odoo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rigstream.odoo.sink.throttle.RequestThrottle;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;

/**
 * HTTP to Odoo: one keep-alive {@link HttpClient} (HTTP/1.1, connect timeout), a timeout per request, every request
 * through the {@link RequestThrottle}. Transport failures (refused, reset, timed out) and retryable statuses become
 * transient {@link OdooException}s carrying Retry-After; the caller reads everything else.
 */
public final class OdooHttp {

    static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client;
    private final Duration requestTimeout;
    private final RequestThrottle throttle;
    private final Clock clock;

    public OdooHttp(Duration connectTimeout, Duration requestTimeout, RequestThrottle throttle, Clock clock) {
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(connectTimeout).build();
        this.requestTimeout = requestTimeout;
        this.throttle = throttle;
        this.clock = clock;
    }

    /** Posts JSON; answers with a status that no retry can change are returned for the protocol to interpret. */
    public HttpResponse<String> postJson(URI uri, JsonNode body, Map<String, String> headers, String method, int records)
            throws OdooException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(requestTimeout)
                .header("Content-Type", "application/json; charset=utf-8")
                .header("User-Agent", "rigstream-odoo-sink")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        headers.forEach(request::header);
        return send(request.build(), method, records);
    }

    public HttpResponse<String> get(URI uri, String method) throws OdooException, InterruptedException {
        return send(HttpRequest.newBuilder(uri).timeout(requestTimeout).GET().build(), method, 0);
    }

    private HttpResponse<String> send(HttpRequest request, String method, int records) throws OdooException, InterruptedException {
        return throttle.call(records, () -> {
            HttpResponse<String> response;
            try {
                response = client.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                throw new OdooException(ErrorKind.TRANSIENT, e.getClass().getName(),
                        "Odoo unreachable during " + method + ": " + e, Optional.empty(), e);
            }
            if (ErrorClassifier.isRetryableStatus(response.statusCode())
                    || response.statusCode() >= 500 && !looksLikeJson(response)) {
                throw new OdooException(ErrorKind.TRANSIENT, "http." + response.statusCode(),
                        "Odoo answered HTTP " + response.statusCode() + " to " + method, retryAfter(response), null);
            }
            return response;
        });
    }

    private static boolean looksLikeJson(HttpResponse<String> response) {
        return response.headers().firstValue("Content-Type").orElse("").contains("json");
    }

    /** Retry-After in seconds or as an HTTP date. */
    private Optional<Duration> retryAfter(HttpResponse<String> response) {
        return response.headers().firstValue("Retry-After").flatMap(value -> {
            try {
                return Optional.of(Duration.ofSeconds(Long.parseLong(value.trim())));
            } catch (NumberFormatException notSeconds) {
                try {
                    Instant at = ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                    Duration wait = Duration.between(clock.instant(), at);
                    return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
                } catch (DateTimeParseException notDate) {
                    return Optional.empty();
                }
            }
        });
    }
}
