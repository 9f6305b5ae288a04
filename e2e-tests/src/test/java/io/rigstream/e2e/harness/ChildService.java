package io.rigstream.e2e.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A service as its own OS process: {@code java -cp <this test's classpath> io.rigstream.launcher.RigstreamCommand
 * <command> -D key=value ...}, the same entry point as {@code java -jar rigstream.jar}. {@link #kill()} is a real
 * {@code kill -9}. Output goes to a log file next to the test's work directory.
 */
public final class ChildService implements RunningService {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final Process process;
    private final int managementPort;
    private final Path log;

    private ChildService(String name, Process process, int managementPort, Path log) {
        this.name = name;
        this.process = process;
        this.managementPort = managementPort;
        this.log = log;
    }

    /** @param values the service's configuration; {@code management.port} must be set to a fixed free port */
    public static ChildService start(String name, String command, Map<String, String> values, Path log) {
        List<String> args = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), "io.rigstream.launcher.RigstreamCommand", command));
        values.forEach((key, value) -> {
            args.add("-D");
            args.add(key + "=" + value);
        });
        try {
            Process process = new ProcessBuilder(args).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            return new ChildService(name, process, Integer.parseInt(values.get("management.port")), log);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name, e);
        }
    }

    @Override
    public String name() {
        return name + " (pid " + process.pid() + ")";
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Whether the service's {@code /health/ready} answers 200. */
    public boolean isReady() {
        if (!process.isAlive()) {
            throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + log);
        }
        try {
            HttpResponse<Void> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort + "/health/ready"))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** SIGKILL: no shutdown hook runs, nothing is flushed or committed. */
    @Override
    public void kill() {
        process.destroyForcibly();
        awaitExit();
    }

    /** SIGTERM: the service's ordered shutdown. */
    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroy();
            if (!awaitExit()) {
                process.destroyForcibly();
                awaitExit();
            }
        }
    }

    private boolean awaitExit() {
        try {
            return process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
