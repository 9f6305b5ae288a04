package io.rigstream.odoo.sink.kafka;

import io.rigstream.odoo.sink.config.OdooSinkConfig;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.IsolationLevel;

/** The sink's Kafka client settings: its defaults, under {@code kafka.common.*} and the pass-through overrides. */
public final class KafkaClients {

    private KafkaClients() {
    }

    /** Offsets are committed by the sink after Odoo confirmed, never automatically. */
    public static Map<String, Object> consumer(OdooSinkConfig config, String groupId, String clientId) {
        return config.common().kafkaClientProperties(Map.of(
                ConsumerConfig.GROUP_ID_CONFIG, groupId,
                ConsumerConfig.CLIENT_ID_CONFIG, clientId,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, IsolationLevel.READ_COMMITTED.toString()), config.consumerOverrides());
    }

    /** Dead letters must not be lost or doubled by producer retries. */
    public static Map<String, Object> producer(OdooSinkConfig config, String clientId) {
        return config.common().kafkaClientProperties(Map.of(
                ProducerConfig.CLIENT_ID_CONFIG, clientId,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true), config.producerOverrides());
    }
}
