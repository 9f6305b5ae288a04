package io.rigstream.topology.processing;

import static org.assertj.core.api.Assertions.assertThat;

import io.rigstream.schemas.RejectedReading;
import io.rigstream.schemas.topics.Topics;
import io.rigstream.topology.errors.DeadLetters;
import io.rigstream.topology.metrics.TopologyMetrics.PoisonKind;
import io.rigstream.topology.testing.RecordingMetrics;
import io.rigstream.topology.testing.Telemetry;
import io.rigstream.topology.testing.TopologyHarness;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;

/** Poison pills on the input topics are dead-lettered with their origin and skipped; the stream goes on. */
class PoisonScenarioTest {

    @Test
    void anUndeserializableReadingIsDeadLetteredAndTheNextOneStillCounts() {
        RecordingMetrics metrics = new RecordingMetrics();
        // TopologyTestDriver's transactional mock producer never shows dead letters sent during deserialization,
        // so this test runs at-least-once; the handler and the letter are the same under exactly-once.
        Properties atLeastOnce = new Properties();
        atLeastOnce.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.AT_LEAST_ONCE);
        try (TopologyHarness h = new TopologyHarness("2024-03-04T05:00:00Z", b -> b.metrics(metrics), atLeastOnce)) {
            h.send(Telemetry.reading("acme", "ex-1", "2024-03-04T08:00:00Z").meter(10));
            h.sendRaw(Topics.READINGS.name(), "acme/ex-1", "{\"not\": \"avro\"}".getBytes(StandardCharsets.UTF_8));
            h.send(Telemetry.reading("acme", "ex-1", "2024-03-04T09:00:00Z").meter(11));
            h.advance(Duration.ofDays(2));

            List<TestRecord<String, ?>> letters = h.keyed(Topics.REJECTED);
            assertThat(letters).hasSize(1);
            RejectedReading letter = (RejectedReading) letters.get(0).value();
            assertThat(letter.getReason()).isEqualTo("UNDESERIALIZABLE");
            assertThat(letter.getStage()).isEqualTo("topology");
            assertThat(letter.getSourceTopic()).isEqualTo(Topics.READINGS.name());
            assertThat(letter.getTenant()).isEqualTo("acme");
            assertThat(letter.getEquipmentId()).isEqualTo("ex-1");
            assertThat(StandardCharsets.UTF_8.decode(letter.getPayload()).toString()).isEqualTo("{\"not\": \"avro\"}");
            assertThat(new String(letters.get(0).headers().lastHeader(DeadLetters.HEADER_TOPIC).value(), StandardCharsets.UTF_8))
                    .isEqualTo(Topics.READINGS.name());
            assertThat(letters.get(0).headers().lastHeader(DeadLetters.HEADER_EXCEPTION)).isNotNull();
            assertThat(metrics.count("poison." + PoisonKind.DESERIALIZATION)).isEqualTo(1);
            assertThat(h.equipmentDay("ex-1", "2024-03-04").getEngineHours()).isEqualTo(1.0);
        }
    }

    @Test
    void anUnusableAssignmentIsIgnoredAndCounted() {
        RecordingMetrics metrics = new RecordingMetrics();
        try (TopologyHarness h = new TopologyHarness("2024-03-04T05:00:00Z", b -> b.metrics(metrics))) {
            h.assign(io.rigstream.schemas.EquipmentAssignment.newBuilder(TopologyHarness.assignment("a1", "ex-1", "job-1",
                    "2024-03-01T00:00:00Z", null, io.rigstream.schemas.ContractBasis.DAY, 8, 0))
                    .setSiteTimeZone("Mars/Olympus_Mons").build());
            h.send(Telemetry.reading("acme", "ex-1", "2024-03-04T08:00:00Z").meter(10),
                    Telemetry.reading("acme", "ex-1", "2024-03-04T09:00:00Z").meter(11));
            h.advance(Duration.ofDays(2));
            assertThat(metrics.count("invalid.assignment")).isEqualTo(1);
            assertThat(h.latest(Topics.JOB_USAGE_DAILY)).isEmpty();
            assertThat(h.equipmentDay("ex-1", "2024-03-04").getJobId()).isNull();
        }
    }
}
