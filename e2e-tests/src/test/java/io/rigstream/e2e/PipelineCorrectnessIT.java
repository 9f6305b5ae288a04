package io.rigstream.e2e;

import io.rigstream.e2e.harness.E2ePipeline;
import io.rigstream.e2e.harness.FleetRun;
import io.rigstream.e2e.harness.SharedBrokers;
import io.rigstream.simulator.Simulation;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The whole pipeline on real brokers (bridge, topology and sink, as configured in production) fed a seeded fleet with
 * everything gateways do wrong (re-sent messages, out-of-order delivery, a store-and-forward batch after hours
 * offline, skewed clocks, malformed payloads), checked against the simulator's ground truth.
 */
@ExtendWith(SharedBrokers.class)
class PipelineCorrectnessIT {

    @Test
    @Timeout(value = 4, unit = java.util.concurrent.TimeUnit.MINUTES)
    void aSimulatedFleetIsBilledAndMaintainedExactlyAsItReallyWorked() throws Exception {
        Simulation simulation = FleetRun.simulate(42);
        try (E2ePipeline pipeline = E2ePipeline.start("correctness")) {
            pipeline.seedOdoo(simulation);
            pipeline.startTopology("a");
            pipeline.startSink();
            pipeline.startBridge();
            pipeline.publishAssignments(simulation.plan().assignments());
            FleetRun.publish(pipeline, simulation.messages());
            FleetRun.awaitGroundTruth(pipeline, simulation, Duration.ofMinutes(3), true);
        }
    }
}
