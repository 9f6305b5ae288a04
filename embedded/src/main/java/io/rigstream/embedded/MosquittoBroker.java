package io.rigstream.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Eclipse Mosquitto, the broker Debian packages, run as a child process on a free loopback port with a configuration,
 * persistence directory and log in a temporary directory removed on close. Only used where it is installed: see
 * {@link #executable()}. Nothing listens beyond 127.0.0.1.
 */
public final class MosquittoBroker implements MqttBroker {

    private static final Logger LOG = LoggerFactory.getLogger(MosquittoBroker.class);
    private static final String HOST = "127.0.0.1";
    private static final Path DEBIAN_EXECUTABLE = Path.of("/usr/sbin/mosquitto");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(15);

    private final Process process;
    private final Path home;
    private final int port;
    private final String version;

    private MosquittoBroker(Process process, Path home, int port, String version) {
        this.process = process;
        this.home = home;
        this.port = port;
        this.version = version;
    }

    /** Debian's {@code /usr/sbin/mosquitto}, else a {@code mosquitto} on the PATH; empty when neither exists. */
    public static Optional<Path> executable() {
        if (Files.isExecutable(DEBIAN_EXECUTABLE)) {
            return Optional.of(DEBIAN_EXECUTABLE);
        }
        String path = Optional.ofNullable(System.getenv("PATH")).orElse("");
        return Stream.of(path.split(java.io.File.pathSeparator)).filter(dir -> !dir.isBlank())
                .map(dir -> Path.of(dir, "mosquitto")).filter(Files::isExecutable).findFirst();
    }

    /** Why Mosquitto-based tests and benchmarks are skipped here. */
    public static String notInstalledReason() {
        return "Mosquitto is not installed (neither " + DEBIAN_EXECUTABLE + " nor mosquitto on the PATH): "
                + "apt-get install mosquitto to run the Mosquitto variant";
    }

    public static MosquittoBroker start(Path executable) {
        try {
            Path home = Files.createTempDirectory("rigstream-mosquitto-");
            int port = LocalResources.freePort();
            Path config = home.resolve("mosquitto.conf");
            Files.writeString(config, configuration(port, home));
            Path log = home.resolve("mosquitto.log");
            Process process = new ProcessBuilder(executable.toString(), "-c", config.toString())
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            MosquittoBroker broker = new MosquittoBroker(process, home, port, version(executable));
            broker.awaitListening(log);
            LOG.info("Mosquitto {} ready at {} (pid {})", broker.version, broker.serverUri(), process.pid());
            return broker;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start Mosquitto from " + executable, e);
        }
    }

    @Override
    public String serverUri() {
        return "tcp://" + HOST + ":" + port;
    }

    @Override
    public String description() {
        return "Mosquitto " + version;
    }

    /** Stops the broker (SIGTERM, then SIGKILL after 10 s) and removes its directory. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        LocalResources.deleteRecursively(home);
    }

    /**
     * Persistent sessions survive a client's absence for their session expiry (what the bridge relies on); queues are
     * deep enough for a long bridge outage (Debian's default is 1000 messages, then it drops); the broker may have up
     * to 1000 QoS 1 messages in flight from each publisher (its MQTT 5 receive maximum), like the embedded HiveMQ;
     * towards a subscriber it honours the subscriber's own receive maximum. The user is whoever runs this JVM, so a
     * root CI runner does not switch to the mosquitto user, which could not write the temporary directory.
     */
    static String configuration(int port, Path home) {
        return String.join("\n", List.of(
                "listener " + port + " " + HOST,
                "allow_anonymous true",
                "persistence true",
                "persistence_location " + home + "/",
                "max_queued_messages 1000000",
                "max_queued_bytes 0",
                "max_inflight_messages 1000",
                "set_tcp_nodelay true",
                "user " + System.getProperty("user.name"),
                "log_dest stderr",
                "log_type error",
                "log_type warning",
                "log_type notice",
                ""));
    }

    private void awaitListening(Path log) throws IOException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                String output = Files.readString(log, StandardCharsets.UTF_8);
                LocalResources.deleteRecursively(home);
                throw new IllegalStateException("Mosquitto exited with " + process.exitValue() + " at start: " + output);
            }
            try (Socket probe = new Socket()) {
                probe.connect(new InetSocketAddress(HOST, port), 200);
                return;
            } catch (IOException notYet) {
                // Still starting: try again shortly.
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
            }
        }
        close();
        throw new IllegalStateException("Mosquitto did not listen on " + serverUri() + " within " + START_TIMEOUT);
    }

    /** The first line of {@code mosquitto -h}: "mosquitto version 2.0.11". */
    private static String version(Path executable) {
        try {
            Process help = new ProcessBuilder(executable.toString(), "-h").redirectErrorStream(true).start();
            String output = new String(help.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            help.waitFor(5, TimeUnit.SECONDS);
            return output.lines().filter(line -> line.startsWith("mosquitto version "))
                    .map(line -> line.substring("mosquitto version ".length()).trim()).findFirst().orElse("(unknown version)");
        } catch (IOException e) {
            return "(unknown version)";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "(unknown version)";
        }
    }
}
