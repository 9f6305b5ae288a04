package io.rigstream.topology.processing;

import static io.rigstream.topology.testing.TopologyHarness.assignment;
import static org.assertj.core.api.Assertions.assertThat;

import io.rigstream.schemas.ContractBasis;
import io.rigstream.schemas.DowntimeEvent;
import io.rigstream.schemas.DowntimeKind;
import io.rigstream.schemas.Fault;
import io.rigstream.topology.testing.Telemetry;
import io.rigstream.topology.testing.TopologyHarness;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Rule 6: downtime episodes from red-lamp faults, and the hours they take out of the shift. */
class DowntimeScenarioTest {

    private static final Fault RED = Telemetry.red(110, 0);

    private static Telemetry at(String time) {
        return Telemetry.reading("acme", "ex-1", "2024-03-04T" + time + "Z");
    }

    private static TopologyHarness harness() {
        TopologyHarness h = new TopologyHarness("2024-03-04T05:00:00Z");
        h.assign(assignment("a1", "ex-1", "job-1", "2024-03-01T00:00:00Z", null, ContractBasis.DAY, 8, 0));
        return h;
    }

    @Test
    void anEpisodeStartsAndEndsUnderOneEventId() {
        try (TopologyHarness h = harness()) {
            h.send(at("08:00:00").faults(RED), at("09:00:00").faults(RED, Telemetry.amber(97, 18)),
                    at("11:00:00").faults(Telemetry.amber(97, 18)));
            List<DowntimeEvent> events = h.downtimeEvents();
            assertThat(events).extracting(DowntimeEvent::getKind)
                    .containsExactly(DowntimeKind.DOWNTIME_STARTED, DowntimeKind.DOWNTIME_ENDED);
            assertThat(events.get(0).getEventId()).isEqualTo(events.get(1).getEventId())
                    .isEqualTo("acme/ex-1/downtime/2024-03-04T08:00:00Z");
            assertThat(events.get(1).getStartTs()).isEqualTo(Instant.parse("2024-03-04T08:00:00Z"));
            assertThat(events.get(1).getEndTs()).isEqualTo(Instant.parse("2024-03-04T11:00:00Z"));
            assertThat(events.get(0).getFaults()).extracting(Fault::getSpn).containsExactly(110);
            assertThat(events.get(0).getJobId()).isEqualTo("job-1");

            h.advance(Duration.ofDays(2));
            // 09:00-12:00 Berlin, inside the shift
            assertThat(h.jobDay("job-1", "ex-1", "2024-03-04").getDowntimeHours()).isEqualTo(3.0);
        }
    }

    @Test
    void aReadingWithoutAFaultsFieldSaysNothing() {
        try (TopologyHarness h = harness()) {
            h.send(at("08:00:00").faults(RED), at("09:00:00").running(false), at("10:00:00").position(52, 13));
            assertThat(h.downtimeEvents()).extracting(DowntimeEvent::getKind).containsExactly(DowntimeKind.DOWNTIME_STARTED);
            h.advance(Duration.ofDays(2));
            // still down at the shift's end: 09:00-17:00 Berlin
            assertThat(h.jobDay("job-1", "ex-1", "2024-03-04").getDowntimeHours()).isEqualTo(8.0);
            assertThat(h.states().get("acme/ex-1").getInDowntime()).isTrue();
        }
    }

    @Test
    void aFaultReportedInactiveEndsTheEpisode() {
        try (TopologyHarness h = harness()) {
            h.send(at("08:00:00").faults(RED), at("08:30:00").faults(Telemetry.cleared(RED)));
            assertThat(h.downtimeEvents()).extracting(DowntimeEvent::getKind)
                    .containsExactly(DowntimeKind.DOWNTIME_STARTED, DowntimeKind.DOWNTIME_ENDED);
            h.advance(Duration.ofDays(2));
            assertThat(h.jobDay("job-1", "ex-1", "2024-03-04").getDowntimeHours()).isEqualTo(0.5);
        }
    }

    @Test
    void downtimeOutsideShiftHoursDoesNotCount() {
        try (TopologyHarness h = harness()) {
            // 18:00-22:00 Berlin, after the shift
            h.send(at("17:00:00").faults(RED), at("21:00:00").faults());
            h.advance(Duration.ofDays(2));
            assertThat(h.jobDay("job-1", "ex-1", "2024-03-04").getDowntimeHours()).isEqualTo(0.0);
        }
    }

    @Test
    void aLateRedReportBetweenCleanReportsIsAShortEpisodeOfItsOwn() {
        try (TopologyHarness h = harness()) {
            h.send(at("08:00:00").faults(), at("10:00:00").faults());
            h.send(at("09:00:00").faults(RED));
            List<DowntimeEvent> events = h.downtimeEvents();
            assertThat(events).extracting(DowntimeEvent::getKind)
                    .containsExactly(DowntimeKind.DOWNTIME_STARTED, DowntimeKind.DOWNTIME_ENDED);
            assertThat(events).extracting(DowntimeEvent::getEventId).containsOnly("acme/ex-1/downtime/2024-03-04T09:00:00Z");
            assertThat(events.get(1).getEndTs()).isEqualTo(Instant.parse("2024-03-04T10:00:00Z"));
        }
    }
}
