package io.rigstream.ingest.it;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A bridge in a separate JVM ({@link BridgeProcessMain}) on the test's class path, with its output in
 * {@code target/bridge-processes/}. {@link #kill()} is SIGKILL: no shutdown hook, no flush, no DISCONNECT.
 */
final class BridgeProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Process process;
    private final URI readiness;

    private BridgeProcess(Process process, int managementPort) {
        this.process = process;
        this.readiness = URI.create("http://127.0.0.1:" + managementPort + "/health/ready");
    }

    /** Starts a bridge with {@code settings}; its output goes to {@code target/bridge-processes/<name>.log}. */
    static BridgeProcess start(Map<String, String> settings, String name) throws IOException {
        int managementPort = freePort();
        Map<String, String> values = new HashMap<>(settings);
        values.put("management.host", "127.0.0.1");
        values.put("management.port", Integer.toString(managementPort));
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx384m",
                "-cp", System.getProperty("java.class.path"), BridgeProcessMain.class.getName()));
        values.forEach((key, value) -> command.add(key + "=" + value));
        Path log = Files.createDirectories(Path.of("target", "bridge-processes")).resolve(name + ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        return new BridgeProcess(process, managementPort);
    }

    /** True once the bridge answers 200 on /health/ready: connected, subscribed and able to produce. */
    boolean ready() {
        if (!process.isAlive()) {
            throw new IllegalStateException("The bridge process exited with " + process.exitValue() + "; see its log");
        }
        try {
            HttpRequest request = HttpRequest.newBuilder(readiness).timeout(Duration.ofSeconds(2)).build();
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException notListeningYet) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** SIGKILL, and waits until the process is gone. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("The bridge process survived SIGKILL for 30 s");
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
