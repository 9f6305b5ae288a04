package io.rigstream.topology.processing;

import static io.rigstream.topology.testing.TopologyHarness.assignment;
import static org.assertj.core.api.Assertions.assertThat;

import io.rigstream.schemas.ContractBasis;
import io.rigstream.schemas.EquipmentState;
import io.rigstream.schemas.Fault;
import io.rigstream.schemas.topics.Topics;
import io.rigstream.topology.testing.Telemetry;
import io.rigstream.topology.testing.TopologyHarness;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The latest state per equipment: newest value of each field by device time, current job, downtime. */
class EquipmentStateScenarioTest {

    @Test
    void theStateHoldsTheNewestOfEachFieldAndALateReadingDoesNotOverwriteIt() {
        try (TopologyHarness h = new TopologyHarness("2024-03-04T05:00:00Z")) {
            h.assign(assignment("a1", "ex-1", "job-1", "2024-03-01T00:00:00Z", null, ContractBasis.DAY, 8, 0));
            h.send(Telemetry.reading("acme", "ex-1", "2024-03-04T09:00:00Z").meter(120.5).running(true).fuel(61)
                    .position(52.5, 13.4).faults(Telemetry.red(110, 0)));
            h.send(Telemetry.reading("acme", "ex-1", "2024-03-04T09:10:00Z").running(false));
            // late, older reading: must not win
            h.send(Telemetry.reading("acme", "ex-1", "2024-03-04T08:00:00Z").meter(119.0).position(50.0, 10.0).faults());
            h.advance(Duration.ofSeconds(30));

            EquipmentState state = h.states().get("acme/ex-1");
            assertThat(state.getLastDeviceTs()).isEqualTo(Instant.parse("2024-03-04T09:10:00Z"));
            assertThat(state.getHourMeter()).isEqualTo(120.5);
            assertThat(state.getEngineRunning()).isFalse();
            assertThat(state.getFuelRemainingPct()).isEqualTo(61.0);
            assertThat(state.getLatitude()).isEqualTo(52.5);
            assertThat(state.getActiveFaults()).extracting(Fault::getSpn).containsExactly(110);
            assertThat(state.getInDowntime()).isTrue();
            assertThat(state.getCurrentJobId()).isEqualTo("job-1");
        }
    }

    @Test
    void theStateIsPublishedOncePerChangeNotPerReading() {
        try (TopologyHarness h = new TopologyHarness("2024-03-04T05:00:00Z")) {
            for (int i = 0; i < 10; i++) {
                h.send(Telemetry.reading("acme", "ex-1", Instant.parse("2024-03-04T08:00:00Z").plusSeconds(60L * i)).running(true));
            }
            h.advance(Duration.ofSeconds(30));
            h.advance(Duration.ofSeconds(30));
            assertThat(h.records(Topics.EQUIPMENT_STATE)).hasSize(1);
        }
    }
}
