package io.rigstream.runtime.management;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The management port of a service: {@code /health/live}, {@code /health/ready} (200 or 503 with a JSON body naming
 * each check) and {@code /metrics} in the Prometheus text format. Services may add routes (interactive queries).
 */
public final class ManagementServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ManagementServer.class);

    private final HttpServer server;
    private final ExecutorService executor;

    private ManagementServer(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    public static ManagementServer start(String host, int port, HealthRegistry health, PrometheusMeterRegistry metrics,
            Map<String, HttpHandler> extraRoutes) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 50);
        server.createContext("/health/live", exchange -> respondHealth(exchange, health.live()));
        server.createContext("/health/ready", exchange -> respondHealth(exchange, health.ready()));
        server.createContext("/metrics", exchange -> respond(exchange, 200,
                "text/plain; version=0.0.4; charset=utf-8", metrics.scrape()));
        extraRoutes.forEach(server::createContext);
        ExecutorService executor = Executors.newFixedThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "management-http");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.start();
        LOG.info("Management server listening on http://{}:{}", host, server.getAddress().getPort());
        return new ManagementServer(server, executor);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private static void respondHealth(HttpExchange exchange, Map<String, HealthRegistry.Check> checks) throws IOException {
        boolean ok = HealthRegistry.allOk(checks);
        StringBuilder json = new StringBuilder("{\"status\":\"").append(ok ? "UP" : "DOWN").append("\",\"checks\":{");
        String separator = "";
        for (Map.Entry<String, HealthRegistry.Check> entry : checks.entrySet()) {
            json.append(separator).append('"').append(Json.escape(entry.getKey())).append("\":{\"ok\":")
                    .append(entry.getValue().ok()).append(",\"detail\":\"").append(Json.escape(entry.getValue().detail()))
                    .append("\"}");
            separator = ",";
        }
        json.append("}}");
        respond(exchange, ok ? 200 : 503, "application/json", json.toString());
    }

    public static void respond(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** Minimal JSON string escaping for the health body, which must not pull a JSON library into every service. */
    static final class Json {
        static String escape(String text) {
            StringBuilder escaped = new StringBuilder(text.length());
            for (char c : text.toCharArray()) {
                switch (c) {
                    case '"' -> escaped.append("\\\"");
                    case '\\' -> escaped.append("\\\\");
                    case '\n' -> escaped.append("\\n");
                    default -> {
                        if (c < 0x20) {
                            escaped.append(String.format("\\u%04x", (int) c));
                        } else {
                            escaped.append(c);
                        }
                    }
                }
            }
            return escaped.toString();
        }
    }
}
