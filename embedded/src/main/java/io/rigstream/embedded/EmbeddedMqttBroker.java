package io.rigstream.embedded;

import com.hivemq.embedded.EmbeddedHiveMQ;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real MQTT 3.1.1/5 broker (HiveMQ Community Edition) in this JVM, on a free loopback port, with its
 * configuration, data and extension folders in a temporary directory removed on close.
 */
public final class EmbeddedMqttBroker implements MqttBroker {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedMqttBroker.class);
    private static final String HOST = "127.0.0.1";

    private final EmbeddedHiveMQ hivemq;
    private final Path home;
    private final int port;

    private EmbeddedMqttBroker(EmbeddedHiveMQ hivemq, Path home, int port) {
        this.hivemq = hivemq;
        this.home = home;
        this.port = port;
    }

    public static EmbeddedMqttBroker start() {
        long started = System.nanoTime();
        try {
            Path home = Files.createTempDirectory("rigstream-mqtt-");
            Path config = Files.createDirectories(home.resolve("conf"));
            int port = LocalResources.freePort();
            Files.writeString(config.resolve("config.xml"), configXml(port));
            EmbeddedHiveMQ hivemq = EmbeddedHiveMQ.builder()
                    .withConfigurationFolder(config)
                    .withDataFolder(Files.createDirectories(home.resolve("data")))
                    .withExtensionsFolder(Files.createDirectories(home.resolve("extensions")))
                    .withoutLoggingBootstrap()
                    .build();
            hivemq.start().get();
            LOG.info("Embedded MQTT broker (HiveMQ CE) ready at tcp://{}:{} in {} ms", HOST, port,
                    (System.nanoTime() - started) / 1_000_000);
            return new EmbeddedMqttBroker(hivemq, home, port);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not prepare the embedded MQTT broker's folders", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while starting the embedded MQTT broker", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Could not start the embedded MQTT broker: " + e.getCause().getMessage(), e.getCause());
        }
    }

    /** {@code tcp://127.0.0.1:<port>}, as Paho expects it. */
    @Override
    public String serverUri() {
        return "tcp://" + HOST + ":" + port;
    }

    public int port() {
        return port;
    }

    @Override
    public String description() {
        return "HiveMQ CE (embedded)";
    }

    @Override
    public void close() {
        try {
            hivemq.stop().get();
            hivemq.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            LOG.warn("Embedded MQTT broker did not stop cleanly", e.getCause());
        }
        LocalResources.deleteRecursively(home);
    }

    // In-memory persistence: the embedded broker serves tests and the demo, whose sessions need not outlive it.
    // Usage statistics off: this broker must never call out of the machine.
    private static String configXml(int port) {
        return """
                <?xml version="1.0"?>
                <hivemq>
                    <listeners>
                        <tcp-listener>
                            <port>%d</port>
                            <bind-address>%s</bind-address>
                        </tcp-listener>
                    </listeners>
                    <mqtt>
                        <queued-messages>
                            <max-queue-size>1000000</max-queue-size>
                        </queued-messages>
                        <receive-maximum>
                            <server-receive-maximum>1000</server-receive-maximum>
                        </receive-maximum>
                    </mqtt>
                    <persistence>
                        <mode>in-memory</mode>
                    </persistence>
                    <anonymous-usage-statistics>
                        <enabled>false</enabled>
                    </anonymous-usage-statistics>
                </hivemq>
                """.formatted(port, HOST);
    }
}
