package io.rigstream.benchmarks;

import io.rigstream.schemas.TelemetryReading;
import io.rigstream.schemas.registry.SchemaRegistryClient;
import io.rigstream.schemas.topics.Topics;
import io.rigstream.topology.service.TopologyService;
import java.nio.file.Path;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;

/**
 * The raw Kafka Streams baseline: reads the readings topic and writes every record unchanged to another topic, with
 * the topology's serdes, its exactly-once guarantee and the Streams settings the topology service changes from
 * Kafka's defaults (commit interval, task idling), so that the comparison measures the work, not the settings. What
 * the topology costs beyond Streams itself is measured against it.
 */
public final class PassThroughStreams {

    private PassThroughStreams() {
    }

    /** Starts it under {@code applicationId}, reading from the earliest offset; the caller closes it. */
    public static KafkaStreams start(String bootstrapServers, SchemaRegistryClient registry, Path stateDir,
            String applicationId, String outputTopic) {
        Serde<TelemetryReading> serde = Topics.READINGS.valueSerde(registry);
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(Topics.READINGS.name(), Consumed.with(Topics.READINGS.keySerde(), serde))
                .to(outputTopic, Produced.with(Topics.READINGS.keySerde(), serde));
        Properties properties = new Properties();
        properties.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        properties.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        properties.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, TopologyService.COMMIT_INTERVAL.toMillis());
        properties.put(StreamsConfig.MAX_TASK_IDLE_MS_CONFIG, TopologyService.MAX_TASK_IDLE_MS);
        properties.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        properties.put(StreamsConfig.consumerPrefix("auto.offset.reset"), "earliest");
        KafkaStreams streams = new KafkaStreams(builder.build(), StreamsOverrides.applyTo(properties));
        streams.start();
        return streams;
    }
}
