package io.rigstream.e2e.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.rigstream.launcher.demo.PipelineDrain;
import io.rigstream.schemas.topics.Topics;
import io.rigstream.simulator.FleetSimulator;
import io.rigstream.simulator.Scenario;
import io.rigstream.simulator.Simulation;
import io.rigstream.simulator.gateway.GatewayMessage;
import io.rigstream.simulator.gateway.MqttFleetPublisher;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import org.apache.kafka.clients.admin.Admin;
import org.assertj.core.api.SoftAssertions;

/** Simulates a fleet, feeds it to the pipeline over MQTT, and waits for the pipeline's results to match the truth. */
public final class FleetRun {

    private FleetRun() {
    }

    /**
     * The smallest fleet on which the planner stages everything it knows: machine 0 crosses a service tier, machines 1
     * to 8 carry one incident or gateway fault each (red-lamp breakdown over a night, amber warning, meter
     * replacement, fuel theft, 4-hour connectivity gap, transfer between jobs at night, clock +90 s, clock -50 s).
     */
    public static final int SMALLEST_COMPLETE_FLEET = 9;

    /** {@code -De2e.scale=N} runs N times the smallest complete fleet: a longer soak with the same faults. */
    public static int equipment() {
        return SMALLEST_COMPLETE_FLEET * Math.max(1, Integer.getInteger("e2e.scale", 1));
    }

    /**
     * A seeded scenario of {@link #equipment()} machines on 4 jobs (one per site time zone) over 2 days, ending on the
     * latest Thursday at least two days back, so that every site's local days are over, every reading is younger than
     * the bridge's maximum age, and the weekday pattern (two shift days) is the same whatever day the test runs.
     */
    public static Simulation simulate(long seed) {
        LocalDate lastDay = LocalDate.now(ZoneOffset.UTC).minusDays(2).with(TemporalAdjusters.previousOrSame(DayOfWeek.THURSDAY));
        return FleetSimulator.run(Scenario.demo(seed, lastDay).withEquipment(equipment(), 4));
    }

    /**
     * Publishes {@code messages} at QoS 1 over a few gateway connections; returns once the broker acknowledged them, and
     * fails if the broker acknowledged any as matching no subscription: those it dropped, and no bridge will see them
     * (the bridge was not subscribed yet, so the test is wrong, not rigstream).
     */
    public static void publish(E2ePipeline pipeline, List<GatewayMessage> messages) throws Exception {
        try (MqttFleetPublisher publisher = new MqttFleetPublisher(pipeline.mqtt().serverUri(), "e2e-gateways", 4, 500)) {
            publisher.publishAll(messages, sent -> {
            });
            assertThat(publisher.unrouted()).as("gateway messages the MQTT broker routed to no subscription (dropped)").isZero();
        }
    }

    /** The first {@code share} of the messages, in publish order. */
    public static List<GatewayMessage> head(Simulation simulation, double share) {
        return simulation.messages().subList(0, (int) (simulation.messages().size() * share));
    }

    /** The messages from {@code fromShare} to {@code toShare}. */
    public static List<GatewayMessage> slice(Simulation simulation, double fromShare, double toShare) {
        int size = simulation.messages().size();
        return simulation.messages().subList((int) (size * fromShare), (int) (size * toShare));
    }

    /**
     * Waits until the topology's outputs agree with the truth and the topology and the sink have committed everything
     * they read, then checks everything, on Kafka and in Odoo, once: a record the sink writes late, or twice, still
     * fails the test.
     */
    public static void awaitGroundTruth(E2ePipeline pipeline, Simulation simulation, Duration timeout, boolean rejectsExactlyOnce)
            throws Exception {
        try (GroundTruthCheck check = new GroundTruthCheck(simulation, pipeline); Admin admin = pipeline.kafka().admin()) {
            await("topology output equal to the ground truth").atMost(timeout).pollInterval(Duration.ofMillis(500))
                    .pollInSameThread().untilAsserted(() -> {
                        SoftAssertions soft = new SoftAssertions();
                        soft.assertThat(check.lostReadings()).as("valid readings missing from the readings topic").isEmpty();
                        soft.assertThat(check.usageMismatches()).as("job usage per job x equipment x day against the truth").isEmpty();
                        soft.assertThat(check.triggerMismatches()).as("maintenance triggers against the truth").isEmpty();
                        soft.assertAll();
                    });
            PipelineDrain drain = new PipelineDrain(admin);
            await("topology and sink caught up").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250))
                    .until(() -> drain.caughtUp(pipeline.topologyApplicationId(), List.of(Topics.READINGS.name()))
                            && drain.caughtUp(pipeline.sinkGroupId(), List.of(Topics.JOB_USAGE_DAILY.name(), Topics.MAINTENANCE.name(),
                            Topics.DOWNTIME.name())));
            SoftAssertions soft = new SoftAssertions();
            soft.assertThat(check.lostReadings()).as("valid readings missing from the readings topic").isEmpty();
            soft.assertThat(check.inventedReadings()).as("readings no gateway sent").isEmpty();
            soft.assertThat(check.rejectMismatches(rejectsExactlyOnce)).as("dead letters against the malformed payloads").isEmpty();
            soft.assertThat(check.usageMismatches()).as("job usage per job x equipment x day against the truth").isEmpty();
            soft.assertThat(check.equipmentTotalMismatches()).as("totals per equipment against the truth").isEmpty();
            soft.assertThat(check.triggerMismatches()).as("maintenance triggers against the truth").isEmpty();
            soft.assertThat(check.downtimeMismatches()).as("downtime episodes against the truth").isEmpty();
            soft.assertThat(check.timesheetMismatches()).as("timesheet lines in Odoo against the truth").isEmpty();
            soft.assertThat(check.maintenanceRequestMismatches()).as("maintenance requests in Odoo against the truth").isEmpty();
            soft.assertAll();
        }
    }
}
