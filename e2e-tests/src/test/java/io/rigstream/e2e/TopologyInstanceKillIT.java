package io.rigstream.e2e;

import static org.awaitility.Awaitility.await;

import io.rigstream.e2e.harness.ChildService;
import io.rigstream.e2e.harness.E2ePipeline;
import io.rigstream.e2e.harness.FleetRun;
import io.rigstream.e2e.harness.SharedBrokers;
import io.rigstream.e2e.harness.TopicCollector;
import io.rigstream.schemas.JobUsageDaily;
import io.rigstream.schemas.topics.Topics;
import io.rigstream.simulator.Simulation;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two topology instances, each its own OS process with its own state directory, share the work; one is killed with
 * SIGKILL mid-stream, the other takes its tasks over, and the killed one is started again (its dirty state is thrown
 * away and restored from the changelogs, as exactly-once requires). Nothing is lost and nothing is counted twice.
 */
@ExtendWith(SharedBrokers.class)
class TopologyInstanceKillIT {

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void aTopologyInstanceKilledMidStreamLosesNothingAndDoublesNothing() throws Exception {
        Simulation simulation = FleetRun.simulate(14);
        try (E2ePipeline pipeline = E2ePipeline.start("topology-kill");
             TopicCollector<JobUsageDaily> usage = new TopicCollector<>(pipeline.kafka().bootstrapServers(),
                     pipeline.registry(), Topics.JOB_USAGE_DAILY)) {
            pipeline.seedOdoo(simulation);
            ChildService a = pipeline.startTopologyProcess("a");
            ChildService b = pipeline.startTopologyProcess("b");
            await("both topology instances running").atMost(Duration.ofSeconds(90)).until(() -> a.isReady() && b.isReady());
            pipeline.startSink();
            pipeline.startBridge();
            pipeline.publishAssignments(simulation.plan().assignments());
            FleetRun.publish(pipeline, FleetRun.head(simulation, 0.6));

            await("first days closed").atMost(Duration.ofSeconds(90)).until(() -> !usage.records().isEmpty());
            a.kill();
            FleetRun.publish(pipeline, FleetRun.slice(simulation, 0.6, 1.0));
            ChildService restarted = pipeline.startTopologyProcess("a");
            await("restarted instance running").atMost(Duration.ofSeconds(90)).until(restarted::isReady);

            FleetRun.awaitGroundTruth(pipeline, simulation, Duration.ofMinutes(3), true);
        }
    }
}
