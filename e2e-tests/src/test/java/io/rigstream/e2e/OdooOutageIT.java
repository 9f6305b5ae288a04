package io.rigstream.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Counter;
import io.rigstream.e2e.harness.E2ePipeline;
import io.rigstream.e2e.harness.FleetRun;
import io.rigstream.e2e.harness.SharedBrokers;
import io.rigstream.simulator.Simulation;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Odoo goes away mid-stream (connections refused, as during an upgrade), comes back slow (2 s per call), and the
 * same ground-truth assertions hold: nothing lost, nothing written twice. The outage lasts
 * {@code -De2e.odoo.down.seconds} (default 20 s; the full minute with 60).
 */
@ExtendWith(SharedBrokers.class)
class OdooOutageIT {

    private static final Duration DOWN = Duration.ofSeconds(Long.getLong("e2e.odoo.down.seconds", 20));
    private static final Duration SLOW_CALL = Duration.ofSeconds(2);

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void usageAndMaintenanceReachOdooExactlyOnceAfterItWasDownAndThenSlow() throws Exception {
        Simulation simulation = FleetRun.simulate(11);
        try (E2ePipeline pipeline = E2ePipeline.start("odoo-outage")) {
            pipeline.seedOdoo(simulation);
            pipeline.startTopology("a");
            pipeline.startSink();
            pipeline.startBridge();
            pipeline.publishAssignments(simulation.plan().assignments());
            FleetRun.publish(pipeline, FleetRun.head(simulation, 0.5));

            pipeline.odoo().goDown();
            FleetRun.publish(pipeline, FleetRun.slice(simulation, 0.5, 1.0));
            Thread.sleep(DOWN.toMillis()); // the outage itself, not a wait for anything
            pipeline.odoo().faults().delayEachRequest(SLOW_CALL);
            pipeline.odoo().comeBack();

            FleetRun.awaitGroundTruth(pipeline, simulation, Duration.ofMinutes(3), true);
            assertThat(pipeline.metrics().find("rigstream.odoo-sink.batch.retries").counters().stream().mapToDouble(Counter::count).sum())
                    .as("batches the sink had to send again because Odoo was down").isPositive();
        }
    }
}
