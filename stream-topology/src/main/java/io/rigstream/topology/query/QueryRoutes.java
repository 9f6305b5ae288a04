package io.rigstream.topology.query;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.rigstream.runtime.management.ManagementServer;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Interactive queries over HTTP, served on the management port of every instance:
 * <ul>
 *   <li>{@code GET /equipment/<tenant>/<equipmentId>}: latest state, from the instance that owns it;</li>
 *   <li>{@code GET /jobs/<tenant>/<jobId>/usage?from=yyyy-MM-dd&to=yyyy-MM-dd}: the job's published days, gathered
 *   from every instance, with totals per equipment.</li>
 * </ul>
 * A request to any instance is answered: it is forwarded to the owner (marked {@code local=true} so that it is never
 * forwarded twice). While the owner is unknown (rebalancing) the answer is 503, to be retried.
 *
 * <p>The routes exist before the Kafka Streams client does (the management server starts first, and the client
 * needs its port for {@code application.server}), so they are created unbound and answer 503 until
 * {@link #bind(InteractiveQueries)}.
 */
public final class QueryRoutes {

    private static final Logger LOG = LoggerFactory.getLogger(QueryRoutes.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration FORWARD_TIMEOUT = Duration.ofSeconds(10);
    private static final String LOCAL = "local=true";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(FORWARD_TIMEOUT).build();
    private volatile InteractiveQueries queries;

    /** Starts answering from {@code bound}'s stores. */
    public void bind(InteractiveQueries bound) {
        this.queries = bound;
    }

    /** The routes to give the management server. */
    public Map<String, HttpHandler> routes() {
        return Map.of("/equipment/", this::equipment, "/jobs/", this::jobUsage);
    }

    private void equipment(HttpExchange exchange) throws IOException {
        InteractiveQueries queries = this.queries;
        if (queries == null) {
            respond(exchange, 503, Map.of("error", "the topology is starting; retry"));
            return;
        }
        String equipment = decode(exchange.getRequestURI().getRawPath().substring("/equipment/".length()));
        if (!equipment.matches("[A-Za-z0-9._-]{1,64}/[A-Za-z0-9._-]{1,64}")) {
            respond(exchange, 400, Map.of("error", "expected /equipment/<tenant>/<equipmentId>"));
            return;
        }
        answer(exchange, () -> {
            InteractiveQueries.Owner owner = isForwarded(exchange) ? new InteractiveQueries.Owner.Local() : queries.ownerOf(equipment);
            if (owner instanceof InteractiveQueries.Owner.Remote remote) {
                return forward(remote.host(), exchange.getRequestURI());
            }
            if (owner instanceof InteractiveQueries.Owner.Unavailable) {
                return new Reply(503, Map.of("error", "the owner of " + equipment + " is not known yet (rebalancing); retry"));
            }
            Optional<Map<String, Object>> state = queries.localEquipment(equipment);
            return state.<Reply>map(s -> new Reply(200, s))
                    .orElseGet(() -> new Reply(404, Map.of("error", "no reading from " + equipment + " yet")));
        });
    }

    private void jobUsage(HttpExchange exchange) throws IOException {
        InteractiveQueries queries = this.queries;
        if (queries == null) {
            respond(exchange, 503, Map.of("error", "the topology is starting; retry"));
            return;
        }
        String[] parts = exchange.getRequestURI().getRawPath().substring("/jobs/".length()).split("/");
        Map<String, String> params = params(exchange.getRequestURI().getRawQuery());
        if (parts.length != 3 || !parts[2].equals("usage")) {
            respond(exchange, 400, Map.of("error", "expected /jobs/<tenant>/<jobId>/usage?from=yyyy-MM-dd&to=yyyy-MM-dd"));
            return;
        }
        LocalDate from;
        LocalDate to;
        try {
            from = LocalDate.parse(params.getOrDefault("from", "0000-01-01"));
            to = LocalDate.parse(params.getOrDefault("to", "9999-12-31"));
        } catch (DateTimeParseException e) {
            respond(exchange, 400, Map.of("error", "from and to are dates, yyyy-MM-dd"));
            return;
        }
        String tenantJob = decode(parts[0]) + "/" + decode(parts[1]);
        answer(exchange, () -> {
            List<Map<String, Object>> days = new ArrayList<>(queries.localJobUsage(tenantJob, from, to));
            if (!isForwarded(exchange)) {
                for (HostInfo host : queries.instances()) {
                    if (!host.equals(queries.self())) {
                        Reply remote = forward(host, exchange.getRequestURI());
                        if (remote.status() != 200) {
                            return remote;
                        }
                        days.addAll(castDays(((Map<?, ?>) remote.body()).get("days")));
                    }
                }
            }
            days.sort(Comparator.comparing((Map<String, Object> d) -> (String) d.get("day"))
                    .thenComparing(d -> (String) d.get("equipmentId")));
            return new Reply(200, Map.of("job", tenantJob, "from", from.toString(), "to", to.toString(),
                    "days", days, "totals", JobUsageTotals.byEquipment(days)));
        });
    }

    private record Reply(int status, Object body) {
    }

    @FunctionalInterface
    private interface Answer {
        Reply get() throws IOException, InterruptedException;
    }

    private static void answer(HttpExchange exchange, Answer answer) throws IOException {
        try {
            Reply reply = answer.get();
            respond(exchange, reply.status(), reply.body());
        } catch (InvalidStateStoreException e) {
            respond(exchange, 503, Map.of("error", "state is not queryable right now (" + e.getMessage() + "); retry"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            respond(exchange, 503, Map.of("error", "interrupted"));
        } catch (IOException e) {
            LOG.warn("Forwarding {} failed: {}", exchange.getRequestURI(), e.toString());
            respond(exchange, 502, Map.of("error", "the instance owning the data did not answer: " + e.getMessage()));
        }
    }

    private Reply forward(HostInfo host, URI uri) throws IOException, InterruptedException {
        String query = uri.getRawQuery() == null ? LOCAL : uri.getRawQuery() + "&" + LOCAL;
        URI target = URI.create("http://" + host.host() + ":" + host.port() + uri.getRawPath() + "?" + query);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(target).timeout(FORWARD_TIMEOUT).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        return new Reply(response.statusCode(), JSON.readValue(response.body(), Object.class));
    }

    private static boolean isForwarded(HttpExchange exchange) {
        String query = exchange.getRequestURI().getRawQuery();
        return query != null && List.of(query.split("&")).contains(LOCAL);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> castDays(Object days) {
        return days == null ? List.of() : (List<Map<String, Object>>) days;
    }

    private static Map<String, String> params(String rawQuery) {
        Map<String, String> params = new HashMap<>();
        if (rawQuery != null) {
            for (String pair : rawQuery.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    params.put(decode(pair.substring(0, eq)), decode(pair.substring(eq + 1)));
                }
            }
        }
        return params;
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    private static void respond(HttpExchange exchange, int status, Object body) throws IOException {
        ManagementServer.respond(exchange, status, "application/json", JSON.writeValueAsString(body));
    }
}
