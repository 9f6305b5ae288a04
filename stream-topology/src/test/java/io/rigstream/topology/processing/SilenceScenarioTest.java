package io.rigstream.topology.processing;

import static io.rigstream.topology.testing.TopologyHarness.assignment;
import static org.assertj.core.api.Assertions.assertThat;

import io.rigstream.schemas.ContractBasis;
import io.rigstream.schemas.DowntimeEvent;
import io.rigstream.schemas.DowntimeKind;
import io.rigstream.topology.testing.Telemetry;
import io.rigstream.topology.testing.TopologyHarness;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Rule 9: silence during shift hours of an active assignment, by wall clock. */
class SilenceScenarioTest {

    private static void advanceInSteps(TopologyHarness h, Duration total) {
        for (Duration done = Duration.ZERO; done.compareTo(total) < 0; done = done.plusSeconds(30)) {
            h.advance(Duration.ofSeconds(30));
        }
    }

    @Test
    void thirtyMinutesWithoutAReportDuringTheShiftRaisesNoReportAndTheNextReadingResumes() {
        // 08:00 Berlin on Monday
        try (TopologyHarness h = new TopologyHarness("2024-03-04T07:00:00Z")) {
            h.assign(assignment("a1", "ex-1", "job-1", "2024-03-01T00:00:00Z", null, ContractBasis.DAY, 8, 0));
            h.send(Telemetry.reading("acme", "ex-1", "2024-03-04T07:00:00Z").running(true)
                    .receivedAt(Instant.parse("2024-03-04T07:00:00Z")));
            advanceInSteps(h, Duration.ofMinutes(29));
            assertThat(h.downtimeEvents()).isEmpty();
            advanceInSteps(h, Duration.ofMinutes(2));

            List<DowntimeEvent> events = h.downtimeEvents();
            assertThat(events).extracting(DowntimeEvent::getKind).containsExactly(DowntimeKind.NO_REPORT);
            assertThat(events.get(0).getStartTs()).isEqualTo(Instant.parse("2024-03-04T07:00:00Z"));
            assertThat(events.get(0).getJobId()).isEqualTo("job-1");

            h.send(Telemetry.reading("acme", "ex-1", "2024-03-04T07:40:00Z").running(true)
                    .receivedAt(Instant.parse("2024-03-04T07:40:00Z")));
            events = h.downtimeEvents();
            assertThat(events).extracting(DowntimeEvent::getKind)
                    .containsExactly(DowntimeKind.NO_REPORT, DowntimeKind.REPORTING_RESUMED);
            assertThat(events.get(1).getEventId()).isEqualTo(events.get(0).getEventId());
            assertThat(events.get(1).getEndTs()).isEqualTo(Instant.parse("2024-03-04T07:40:00Z"));
        }
    }

    @Test
    void timeOutsideTheShiftDoesNotCountAsSilence() {
        // 16:50 Berlin: ten minutes before the shift ends
        try (TopologyHarness h = new TopologyHarness("2024-03-04T15:50:00Z")) {
            h.assign(assignment("a1", "ex-1", "job-1", "2024-03-01T00:00:00Z", null, ContractBasis.DAY, 8, 0));
            h.send(Telemetry.reading("acme", "ex-1", "2024-03-04T15:50:00Z").running(false)
                    .receivedAt(Instant.parse("2024-03-04T15:50:00Z")));
            h.advance(Duration.ofHours(14).plusMinutes(10));
            // Tuesday 07:00 Berlin: the shift starts, silence counts from here
            advanceInSteps(h, Duration.ofMinutes(29));
            assertThat(h.downtimeEvents()).isEmpty();
            advanceInSteps(h, Duration.ofMinutes(2));
            assertThat(h.downtimeEvents()).extracting(DowntimeEvent::getKind).containsExactly(DowntimeKind.NO_REPORT);
        }
    }

    @Test
    void anUnassignedEquipmentIsNeverReportedSilent() {
        try (TopologyHarness h = new TopologyHarness("2024-03-04T07:00:00Z")) {
            h.send(Telemetry.reading("acme", "ex-1", "2024-03-04T07:00:00Z").running(true)
                    .receivedAt(Instant.parse("2024-03-04T07:00:00Z")));
            advanceInSteps(h, Duration.ofMinutes(61));
            assertThat(h.downtimeEvents()).isEmpty();
        }
    }
}
