package io.rigstream.e2e;

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
 * The Kafka broker stops mid-stream while gateways keep publishing (the bridge holds their messages unacknowledged, the
 * MQTT broker queues the rest), then starts again on the same port with its data: every service reconnects by itself
 * and the ground-truth assertions hold.
 */
@ExtendWith(SharedBrokers.class)
class KafkaBrokerRestartIT {

    private static final Duration OUTAGE = Duration.ofSeconds(8);

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void nothingIsLostOrCountedTwiceWhenTheKafkaBrokerRestartsMidStream() throws Exception {
        Simulation simulation = FleetRun.simulate(12);
        try (E2ePipeline pipeline = E2ePipeline.start("kafka-restart")) {
            pipeline.seedOdoo(simulation);
            pipeline.startTopology("a");
            pipeline.startSink();
            pipeline.startBridge();
            pipeline.publishAssignments(simulation.plan().assignments());
            FleetRun.publish(pipeline, FleetRun.head(simulation, 0.4));

            pipeline.kafka().stopBroker();
            try {
                FleetRun.publish(pipeline, FleetRun.slice(simulation, 0.4, 0.7));
                Thread.sleep(OUTAGE.toMillis()); // the outage itself, not a wait for anything
            } finally {
                pipeline.kafka().restartBroker(); // the broker is shared with the tests that follow
            }
            FleetRun.publish(pipeline, FleetRun.slice(simulation, 0.7, 1.0));

            FleetRun.awaitGroundTruth(pipeline, simulation, Duration.ofMinutes(3), true);
        }
    }
}
