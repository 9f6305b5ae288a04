package io.rigstream.ingest.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rigstream.runtime.config.ConfigInput;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

class IngestConfigTest {

    private static IngestConfig load(Map<String, String> extra) {
        Map<String, String> values = new HashMap<>(Map.of("schema.registry.url", "mock://config-test",
                "schema.registry.allow-mock", "true", "mqtt.client-id", "bridge-a"));
        values.putAll(extra);
        return IngestConfig.load(ConfigInput.ofValues(values));
    }

    @Test
    void defaultSubscriptionIsSharedAndAnEmptyGroupSubscribesPlainly() {
        assertThat(load(Map.of()).mqtt().subscriptionFilter()).isEqualTo("$share/rigstream-ingest/fleet/+/+/telemetry");
        assertThat(load(Map.of("mqtt.shared-subscription-group", "")).mqtt().subscriptionFilter())
                .isEqualTo("fleet/+/+/telemetry");
    }

    @Test
    void memoryForUnacknowledgedMessagesIsBounded() {
        assertThatThrownBy(() -> load(Map.of("mqtt.receive-maximum", "20000", "payload.max-bytes", Integer.toString(256 * 1024))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("mqtt.receive-maximum x payload.max-bytes");
    }

    @Test
    void largerBodiesNeedAProducerThatTakesTheirDeadLetters() {
        Map<String, String> fullBatches = Map.of("payload.max-bytes", Integer.toString(4 * 1024 * 1024),
                "mqtt.receive-maximum", "256");
        assertThatThrownBy(() -> load(fullBatches)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("payload.max-bytes").hasMessageContaining("kafka.producer.max.request.size");
        Map<String, String> withProducer = new HashMap<>(fullBatches);
        withProducer.put("kafka.producer.max.request.size", Integer.toString(4 * 1024 * 1024 + 64 * 1024));
        assertThat(load(withProducer).limits().maxPayloadBytes()).isEqualTo(4 * 1024 * 1024);
    }

    @Test
    void producerIsDurableByDefaultAndPassThroughSettingsWin() {
        Map<String, Object> defaults = load(Map.of()).producerProperties();
        assertThat(defaults).containsEntry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true)
                .containsEntry(ProducerConfig.ACKS_CONFIG, "all")
                .containsEntry(ProducerConfig.CLIENT_ID_CONFIG, "bridge-a")
                .containsEntry(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4")
                .containsEntry(ProducerConfig.LINGER_MS_CONFIG, 5);
        assertThat(load(Map.of("kafka.producer.compression.type", "zstd")).producerProperties())
                .containsEntry(ProducerConfig.COMPRESSION_TYPE_CONFIG, "zstd");
    }
}
