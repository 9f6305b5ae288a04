package io.rigstream.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.rigstream.e2e.harness.ChildService;
import io.rigstream.e2e.harness.E2ePipeline;
import io.rigstream.e2e.harness.FleetRun;
import io.rigstream.e2e.harness.SharedBrokers;
import io.rigstream.e2e.harness.TopicCollector;
import io.rigstream.schemas.TelemetryReading;
import io.rigstream.schemas.topics.Topics;
import io.rigstream.simulator.Simulation;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The bridge runs as its own OS process and is killed with SIGKILL while it forwards a backlog; gateways keep
 * publishing, the MQTT broker keeps the bridge's persistent session, and a new bridge process takes the session over.
 * Messages the dead bridge had received but not acknowledged come again (at least once); the topology drops the copies.
 */
@ExtendWith(SharedBrokers.class)
class BridgeKillIT {

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void aBridgeKilledMidStreamLosesNothingAndDoublesNothing() throws Exception {
        Simulation simulation = FleetRun.simulate(13);
        try (E2ePipeline pipeline = E2ePipeline.start("bridge-kill");
             TopicCollector<TelemetryReading> readings = new TopicCollector<>(pipeline.kafka().bootstrapServers(),
                     pipeline.registry(), Topics.READINGS)) {
            pipeline.seedOdoo(simulation);
            pipeline.startTopology("a");
            pipeline.startSink();
            ChildService bridge = pipeline.startBridgeProcess();
            await("bridge process ready").atMost(Duration.ofSeconds(60)).until(bridge::isReady);
            pipeline.publishAssignments(simulation.plan().assignments());
            FleetRun.publish(pipeline, FleetRun.head(simulation, 0.5));

            long total = simulation.truth().validReadings();
            await("bridge forwarding").atMost(Duration.ofSeconds(60)).until(() -> readings.records().size() >= total / 5);
            bridge.kill();
            int forwardedBeforeKill = readings.records().size();
            assertThat(forwardedBeforeKill).as("readings forwarded when the bridge was killed").isLessThan((int) (total / 2));

            FleetRun.publish(pipeline, FleetRun.slice(simulation, 0.5, 0.8));
            ChildService restarted = pipeline.startBridgeProcess();
            await("restarted bridge ready").atMost(Duration.ofSeconds(60)).until(restarted::isReady);
            FleetRun.publish(pipeline, FleetRun.slice(simulation, 0.8, 1.0));

            FleetRun.awaitGroundTruth(pipeline, simulation, Duration.ofMinutes(3), false);
        }
    }
}
