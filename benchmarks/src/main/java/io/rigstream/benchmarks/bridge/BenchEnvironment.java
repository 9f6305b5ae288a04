package io.rigstream.benchmarks.bridge;

import io.rigstream.embedded.EmbeddedKafka;
import io.rigstream.embedded.EmbeddedMqttBroker;
import io.rigstream.embedded.MosquittoBroker;
import io.rigstream.embedded.MqttBroker;
import io.rigstream.ingest.config.IngestConfig;
import io.rigstream.runtime.config.ConfigInput;
import io.rigstream.runtime.kafka.TopicInstaller;
import io.rigstream.schemas.topics.Topics;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;

/**
 * The brokers every path of the run shares, and the one bridge configuration the paths derive their settings from.
 * The readings topic keeps the broker's append time as record time, so publish-to-Kafka latency can be read back.
 */
public final class BenchEnvironment implements AutoCloseable {

    private final BenchmarkOptions options;
    private final EmbeddedKafka kafka;
    private final MqttBroker mqtt;
    private final Workload workload;

    public BenchEnvironment(BenchmarkOptions options) throws Exception {
        this(options, true);
    }

    /**
     * @param brokerAppendTime whether the readings topic stamps records with the broker's append time (for reading
     *                         publish-to-Kafka latency back); off where a topology must see the device time
     */
    public BenchEnvironment(BenchmarkOptions options, boolean brokerAppendTime) throws Exception {
        this.options = options;
        this.workload = new Workload(options);
        this.mqtt = options.broker().equals("mosquitto")
                ? MosquittoBroker.start(MosquittoBroker.executable().orElseThrow(
                        () -> new IllegalStateException(MosquittoBroker.notInstalledReason())))
                : EmbeddedMqttBroker.start();
        this.kafka = EmbeddedKafka.start();
        try (Admin admin = kafka.admin()) {
            TopicInstaller.createMissing(admin, Topics.ALL, 6, (short) 1);
            if (!brokerAppendTime) {
                return;
            }
            ConfigResource readings = new ConfigResource(ConfigResource.Type.TOPIC, Topics.READINGS.name());
            Map<ConfigResource, Collection<AlterConfigOp>> appendTime = Map.of(readings, List.of(new AlterConfigOp(
                    new ConfigEntry(TopicConfig.MESSAGE_TIMESTAMP_TYPE_CONFIG, "LogAppendTime"), AlterConfigOp.OpType.SET)));
            admin.incrementalAlterConfigs(appendTime).all().get(30, TimeUnit.SECONDS);
        }
    }

    public BenchmarkOptions options() {
        return options;
    }

    public Workload workload() {
        return workload;
    }

    public EmbeddedKafka kafka() {
        return kafka;
    }

    public MqttBroker mqtt() {
        return mqtt;
    }

    /**
     * The bridge's configuration, defaults except: one JVM (mock registry), a session that ends with the connection
     * (a finished round's session must not queue the next rounds' messages), bodies as large as the workload's.
     */
    public IngestConfig config(String clientId) {
        int largest = 0;
        for (int i = 0; i < workload.messages(); i++) {
            largest = Math.max(largest, workload.payload(i).length);
        }
        Map<String, String> values = new HashMap<>(Map.of("kafka.bootstrap.servers", kafka.bootstrapServers(),
                "schema.registry.url", "mock://bench", "schema.registry.allow-mock", "true", "management.port", "0",
                "mqtt.server-uris", mqtt.serverUri(), "mqtt.client-id", clientId, "mqtt.session-expiry.seconds", "0",
                "mqtt.receive-maximum", Integer.toString(options.receiveMaximum()),
                "payload.max-bytes", Integer.toString(Math.max(256 * 1024, largest))));
        values.putAll(options.bridgeSettings());
        return IngestConfig.load(ConfigInput.ofValues(values));
    }

    @Override
    public void close() {
        kafka.close();
        mqtt.close();
    }
}
