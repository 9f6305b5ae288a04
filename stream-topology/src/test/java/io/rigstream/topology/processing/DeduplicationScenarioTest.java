package io.rigstream.topology.processing;

import static io.rigstream.topology.testing.TopologyHarness.assignment;
import static org.assertj.core.api.Assertions.assertThat;

import io.rigstream.schemas.ContractBasis;
import io.rigstream.schemas.RejectedReading;
import io.rigstream.topology.metrics.TopologyMetrics.ReadingOutcome;
import io.rigstream.topology.testing.RecordingMetrics;
import io.rigstream.topology.testing.Telemetry;
import io.rigstream.topology.testing.TopologyHarness;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Rule 1: duplicates are never counted twice; too-late readings are dead-lettered. */
class DeduplicationScenarioTest {

    private final RecordingMetrics metrics = new RecordingMetrics();

    private TopologyHarness harness() {
        TopologyHarness h = new TopologyHarness("2024-03-04T05:00:00Z", b -> b.metrics(metrics).seqWindow(64));
        h.assign(assignment("a1", "ex-1", "job-1", "2024-03-01T00:00:00Z", null, ContractBasis.DAY, 8, 0));
        return h;
    }

    private static Telemetry at(String time) {
        return Telemetry.reading("acme", "ex-1", "2024-03-04T" + time + "Z");
    }

    @Test
    void aResentReadingIsDroppedAndCountedOnce() {
        try (TopologyHarness h = harness()) {
            h.send(at("08:00:00").seq(1).meter(100).running(true), at("09:00:00").seq(2).meter(101).running(true));
            // QoS 1 re-delivery: same content, received later
            h.send(at("09:00:00").seq(2).meter(101).running(true).receivedAt(Instant.parse("2024-03-04T09:05:00Z")));
            h.advance(Duration.ofDays(2));

            assertThat(h.equipmentDay("ex-1", "2024-03-04").getEngineHours()).isEqualTo(1.0);
            assertThat(metrics.count(ReadingOutcome.DUPLICATE)).isEqualTo(1);
            assertThat(metrics.count(ReadingOutcome.CONFLICT)).isZero();
            assertThat(metrics.count(ReadingOutcome.ACCEPTED)).isEqualTo(2);
        }
    }

    @Test
    void anotherReadingUnderAnAlreadySeenSeqIsAConflictAndDropped() {
        try (TopologyHarness h = harness()) {
            h.send(at("08:00:00").seq(1).meter(100).running(true), at("09:00:00").seq(2).meter(101).running(true));
            h.send(at("09:30:00").seq(2).meter(101.5).running(true));
            h.advance(Duration.ofDays(2));

            assertThat(h.equipmentDay("ex-1", "2024-03-04").getEngineHours()).isEqualTo(1.0);
            assertThat(metrics.count(ReadingOutcome.CONFLICT)).isEqualTo(1);
        }
    }

    @Test
    void withoutSeqTheDeviceTimeIsTheIdentity() {
        try (TopologyHarness h = harness()) {
            h.send(at("08:00:00").meter(100), at("09:00:00").meter(101));
            h.send(at("09:00:00").meter(101));
            h.send(at("09:00:00").meter(103));
            h.advance(Duration.ofDays(2));

            assertThat(h.equipmentDay("ex-1", "2024-03-04").getEngineHours()).isEqualTo(1.0);
            assertThat(metrics.count(ReadingOutcome.DUPLICATE)).isEqualTo(1);
            assertThat(metrics.count(ReadingOutcome.CONFLICT)).isEqualTo(1);
        }
    }

    @Test
    void reuploadedHistoryIsCountedOnce() {
        try (TopologyHarness h = harness()) {
            List<Telemetry> history = new ArrayList<>();
            for (int i = 0; i <= 12; i++) {
                history.add(Telemetry.reading("acme", "ex-1", Instant.parse("2024-03-04T08:00:00Z").plusSeconds(600L * i))
                        .seq(100 + i).meter(200 + i / 6.0).running(true));
            }
            h.send(history.toArray(Telemetry[]::new));
            // the gateway's store-and-forward buffer is flushed again an hour later
            h.send(history.stream().map(t -> t.receivedAt(Instant.parse("2024-03-04T11:00:00Z"))).toArray(Telemetry[]::new));
            h.advance(Duration.ofDays(2));

            // 12 intervals of 10 minutes, the meter rising 1/6 h in each: 2 h
            assertThat(h.equipmentDay("ex-1", "2024-03-04").getEngineHours()).isEqualTo(2.0);
            assertThat(metrics.count(ReadingOutcome.DUPLICATE)).isEqualTo(13);
        }
    }

    @Test
    void aSeqThatFellOutOfTheWindowIsStillRecognisedByItsDeviceTime() {
        try (TopologyHarness h = harness()) {
            for (int i = 0; i < 100; i++) {
                h.send(Telemetry.reading("acme", "ex-1", Instant.parse("2024-03-04T08:00:00Z").plusSeconds(60L * i))
                        .seq(i).running(true));
            }
            h.send(at("08:00:00").seq(0).running(true));
            assertThat(metrics.count(ReadingOutcome.DUPLICATE)).isEqualTo(1);
            assertThat(metrics.count(ReadingOutcome.ACCEPTED)).isEqualTo(100);
        }
    }

    @Test
    void twoSeqsAtOneDeviceTimeKeepTheLowerWhicheverArrivesFirst() {
        for (boolean lowerFirst : new boolean[] {true, false}) {
            try (TopologyHarness h = harness()) {
                h.send(at("08:00:00").seq(1).meter(100));
                Telemetry lower = at("09:00:00").seq(5).meter(101);
                Telemetry higher = at("09:00:00").seq(6).meter(101.5);
                h.send(lowerFirst ? lower : higher);
                h.send(lowerFirst ? higher : lower);
                h.advance(Duration.ofDays(2));

                assertThat(h.equipmentDay("ex-1", "2024-03-04").getEngineHours()).as("lower first: " + lowerFirst)
                        .isEqualTo(1.0);
            }
        }
    }

    @Test
    void aReadingOlderThanTheHorizonIsDeadLetteredAsTooLate() {
        try (TopologyHarness h = harness()) {
            h.send(Telemetry.reading("acme", "ex-1", "2024-03-12T08:00:00Z").meter(100));
            h.send(Telemetry.reading("acme", "ex-1", "2024-03-04T07:59:59Z").meter(90));

            List<RejectedReading> rejected = h.rejected();
            assertThat(rejected).hasSize(1);
            assertThat(rejected.get(0).getReason()).isEqualTo("TOO_LATE");
            assertThat(rejected.get(0).getStage()).isEqualTo("topology");
            assertThat(rejected.get(0).getEquipmentId()).isEqualTo("ex-1");
            assertThat(StandardCharsets.UTF_8.decode(rejected.get(0).getPayload()).toString()).contains("\"ex-1\"");
            assertThat(metrics.count(ReadingOutcome.TOO_LATE)).isEqualTo(1);
        }
    }

    @Test
    void aReadingExactlyAtTheHorizonIsStillAccepted() {
        try (TopologyHarness h = harness()) {
            h.send(Telemetry.reading("acme", "ex-1", "2024-03-12T08:00:00Z").meter(100));
            h.send(Telemetry.reading("acme", "ex-1", "2024-03-05T08:00:00Z").meter(90));
            assertThat(h.rejected()).isEmpty();
            assertThat(metrics.count(ReadingOutcome.ACCEPTED)).isEqualTo(2);
        }
    }

    @Test
    void aReadingUnderAnotherEquipmentsKeyIsDeadLettered() {
        try (TopologyHarness h = harness()) {
            h.sendWithKey("acme/ex-2", at("08:00:00").meter(100));
            assertThat(h.rejected()).extracting(RejectedReading::getReason).containsExactly("KEY_MISMATCH");
            assertThat(metrics.count(ReadingOutcome.KEY_MISMATCH)).isEqualTo(1);
        }
    }
}
