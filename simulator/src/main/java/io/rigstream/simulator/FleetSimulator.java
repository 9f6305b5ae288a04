package io.rigstream.simulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rigstream.schemas.EquipmentAssignment;
import io.rigstream.simulator.fleet.FleetPlan;
import io.rigstream.simulator.fleet.FleetPlan.ActivitySpan;
import io.rigstream.simulator.fleet.FleetPlan.Incident;
import io.rigstream.simulator.fleet.FleetPlanner;
import io.rigstream.simulator.fleet.Machine;
import io.rigstream.simulator.fleet.MachineState;
import io.rigstream.simulator.fleet.MachineState.Activity;
import io.rigstream.simulator.gateway.GatewayMessage;
import io.rigstream.simulator.gateway.MalformedPayloads;
import io.rigstream.simulator.gateway.ReadingPayloads;
import io.rigstream.simulator.truth.ContractBilling;
import io.rigstream.simulator.truth.GroundTruth;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * Steps every machine through its plan on a one-interval grid, the way its gateway would see it, and records both
 * what the gateway publishes and what really happened. Machines are independent, so each is simulated alone and
 * the messages are merged by publish time.
 */
public final class FleetSimulator {

    private static final int RED_SPN = 110;
    private static final int AMBER_SPN = 100;
    private static final double LONGEST_DAY_HOURS = 12.5;
    private static final long SERVICE_STEP_HOURS = 250;
    private static final long SERVICE_LEAD_HOURS = 25;
    private static final List<Long> SERVICE_TIERS = List.of(250L, 500L, 1000L, 2000L);

    private final Scenario scenario;
    private final FleetPlan plan;
    private final GroundTruth truth = new GroundTruth();
    private final List<GatewayMessage> messages = new ArrayList<>();
    private final Random random;

    private FleetSimulator(Scenario scenario) {
        this.scenario = scenario;
        this.plan = FleetPlanner.plan(scenario);
        this.random = new Random(scenario.seed() * 31 + 7);
    }

    public static Simulation run(Scenario scenario) {
        return new FleetSimulator(scenario).simulate();
    }

    private Simulation simulate() {
        for (Machine machine : plan.machines()) {
            simulate(machine);
        }
        addMalformed();
        ContractBilling.apply(truth.days(), plan.assignments());
        messages.sort(Comparator.comparing(GatewayMessage::publishAt));
        return new Simulation(scenario, plan, List.copyOf(messages), truth);
    }

    private void simulate(Machine machine) {
        String id = machine.equipmentId();
        String topic = "fleet/" + machine.tenant() + "/" + id + "/telemetry";
        List<ActivitySpan> spans = plan.activity().get(id);
        List<Incident> incidents = plan.incidents().stream().filter(i -> i.equipmentId().equals(id)).toList();
        List<EquipmentAssignment> assignments = plan.assignments().stream().filter(a -> a.getEquipmentId().equals(id)).toList();
        MachineState state = machine.state();
        long step = scenario.onInterval().toSeconds();
        long offEvery = scenario.offInterval().toSeconds();
        long seq = 1000L * (1 + random.nextInt(9));
        boolean red = false;
        boolean amber = false;
        boolean clearedSinceLastReading = false;
        Instant redSince = null;
        boolean offline = false;
        List<ObjectNode> buffered = new ArrayList<>();
        Activity previous = null;
        for (Instant t = plan.start(); t.isBefore(plan.end()); t = t.plusSeconds(step)) {
            boolean event = false;
            for (Incident incident : incidents) {
                if (!incident.at().equals(t)) {
                    continue;
                }
                event = true;
                switch (incident.kind()) {
                    case RED_FAULT -> {
                        red = true;
                        redSince = t;
                        truth.expect(new GroundTruth.ExpectedEvent(id, "FAULT", "spn " + RED_SPN + " red"));
                        truth.expect(new GroundTruth.ExpectedEvent(id, "DOWNTIME", "from " + t));
                    }
                    case RED_FAULT_REPAIRED -> {
                        red = false;
                        clearedSinceLastReading = true;
                        truth.expect(new GroundTruth.ExpectedEvent(id, "FAULT_CLEARED", "spn " + RED_SPN));
                        truth.expect(new GroundTruth.ExpectedEvent(id, "DOWNTIME_ENDED", "from " + redSince));
                        addDowntime(id, assignments, redSince, t);
                    }
                    case AMBER_FAULT -> {
                        amber = true;
                        truth.expect(new GroundTruth.ExpectedEvent(id, "FAULT", "spn " + AMBER_SPN + " amber"));
                    }
                    case AMBER_FAULT_CLEARED -> {
                        amber = false;
                        clearedSinceLastReading = true;
                        truth.expect(new GroundTruth.ExpectedEvent(id, "FAULT_CLEARED", "spn " + AMBER_SPN));
                    }
                    case METER_REPLACED -> {
                        state.replaceHourMeter();
                        truth.expect(new GroundTruth.ExpectedEvent(id, "METER_RESET", "at " + t));
                    }
                    case FUEL_THEFT -> {
                        state.drain(machine.type().tankLitres() * 0.25);
                        truth.expect(new GroundTruth.ExpectedEvent(id, "FUEL_DROP", "at " + t));
                    }
                    case CONNECTIVITY_LOST -> offline = true;
                    case CONNECTIVITY_RESTORED -> {
                        offline = false;
                        flush(topic, id, buffered, t);
                    }
                }
            }
            refuelAtDawn(machine, assignments, t);
            Activity activity = activityAt(spans, t);
            state.setActivity(activity);
            double speed = activity == Activity.WORKING ? machine.type().workingSpeedKmh() * (0.7 + 0.6 * random.nextDouble()) : 0;
            double load = activity == Activity.WORKING ? 40 + 40 * random.nextDouble() : activity == Activity.IDLE ? 12 : 0;
            long secondsOfDay = t.getEpochSecond() % 86_400;
            if (activity != Activity.OFF || activity != previous || event || secondsOfDay % offEvery == 0) {
                ObjectNode reading = ReadingPayloads.reading(machine, t.plus(machine.clockSkew()), seq++, speed, load,
                        faults(red, amber, clearedSinceLastReading));
                clearedSinceLastReading = false;
                truth.countReadings(1);
                if (offline) {
                    buffered.add(reading);
                } else {
                    publish(topic, ReadingPayloads.single(reading), t, 1);
                }
            }
            previous = activity;
            double hours = step / 3600.0;
            double fuelBefore = state.fuelUsedLitres();
            double idleBefore = state.idleHours();
            double odometerBefore = state.odometerKm();
            state.advance(hours, machine.type(), speed);
            String jobId = jobAt(assignments, t);
            if (jobId != null) {
                truth.addUsage(jobId, id, localDay(assignments, t), activity == Activity.OFF ? 0 : hours,
                        state.idleHours() - idleBefore, state.fuelUsedLitres() - fuelBefore,
                        state.odometerKm() - odometerBefore, 0);
            }
            // Only a gateway that reports the hour meter lets anyone see a service tier being reached.
            if (activity != Activity.OFF && ReadingPayloads.reportsCounters(machine.type())) {
                expectServiceCrossings(id, state.hourMeter() - hours, state.hourMeter());
            }
        }
        flush(topic, id, buffered, plan.end());
    }

    /**
     * The default service tiers (250, 500, 1000, 2000 h): reaching a multiple of 250 h makes the highest tier that
     * divides it due, and 25 h before it that service is due soon.
     */
    private void expectServiceCrossings(String equipmentId, double from, double to) {
        for (long at = (long) Math.floor(from / SERVICE_STEP_HOURS + 1) * SERVICE_STEP_HOURS;
                at - SERVICE_LEAD_HOURS <= to; at += SERVICE_STEP_HOURS) {
            long multiple = at;
            long tier = SERVICE_TIERS.stream().filter(t -> multiple % t == 0).max(Long::compare).orElseThrow();
            if (from < at && at <= to) {
                truth.expect(new GroundTruth.ExpectedEvent(equipmentId, "SERVICE_DUE", tier + " h at " + at + " h"));
            }
            if (from < at - SERVICE_LEAD_HOURS && at - SERVICE_LEAD_HOURS <= to) {
                truth.expect(new GroundTruth.ExpectedEvent(equipmentId, "SERVICE_DUE_SOON", tier + " h at " + at + " h"));
            }
        }
    }

    private static ArrayNode faults(boolean red, boolean amber, boolean anyCleared) {
        ArrayNode faults = ReadingPayloads.faults();
        if (red) {
            faults.addObject().put("spn", RED_SPN).put("fmi", 0).put("lamp", "red").put("active", true).put("source", 0);
        }
        if (amber) {
            faults.addObject().put("spn", AMBER_SPN).put("fmi", 1).put("lamp", "amber").put("active", true).put("source", 0);
        }
        return faults;
    }

    private void publish(String topic, byte[] payload, Instant at, int readings) {
        // Out-of-order delivery: a single reading held back in the gateway's queue reaches the broker after later ones.
        Instant delivered = readings == 1 && random.nextDouble() < scenario.disorderRate()
                ? at.plusSeconds(60 + random.nextInt(540)) : at;
        messages.add(new GatewayMessage(topic, payload, delivered, readings, Optional.empty()));
        truth.countMessage(false);
        if (random.nextDouble() < scenario.duplicateRate()) {
            // The PUBACK was lost: the gateway publishes the same message again a little later.
            messages.add(new GatewayMessage(topic, payload, delivered.plusSeconds(1 + random.nextInt(20)), 0, Optional.empty()));
            truth.countMessage(true);
        }
    }

    /** After a connectivity gap the gateway sends its whole buffer as one store-and-forward batch. */
    private void flush(String topic, String equipmentId, List<ObjectNode> buffered, Instant at) {
        if (buffered.isEmpty()) {
            return;
        }
        publish(topic, ReadingPayloads.batch(equipmentId, buffered), at, buffered.size());
        buffered.clear();
    }

    private void addMalformed() {
        List<Machine> machines = plan.machines();
        for (int n = 0; n < scenario.malformedPerDay() * scenario.days(); n++) {
            Machine machine = machines.get(random.nextInt(machines.size()));
            Instant at = plan.start().plusSeconds(random.nextInt((int) Duration.between(plan.start(), plan.end()).toSeconds()));
            MalformedPayloads.Malformed malformed = MalformedPayloads.pick(n, machine.equipmentId(), at);
            messages.add(new GatewayMessage("fleet/" + machine.tenant() + "/" + machine.equipmentId() + "/telemetry",
                    malformed.payload().getBytes(StandardCharsets.UTF_8), at, 0, Optional.of(malformed.reason())));
            truth.expectReject(malformed.reason());
            truth.countMessage(false);
        }
    }

    private void refuelAtDawn(Machine machine, List<EquipmentAssignment> assignments, Instant t) {
        EquipmentAssignment assignment = assignmentAt(assignments, t);
        if (assignment == null) {
            return;
        }
        ZonedDateTime local = t.atZone(ZoneId.of(assignment.getSiteTimeZone()));
        // Topped up at dawn unless the tank still holds more than the longest day burns (12.5 h working): a machine
        // never runs dry, whose fuel would then be burnt in the truth without ever leaving the tank.
        if (local.toLocalTime().equals(LocalTime.of(5, 0))
                && machine.state().fuelLitres() < LONGEST_DAY_HOURS * machine.type().workingLitresPerHour()) {
            machine.state().refuel(machine.type().tankLitres());
        }
    }

    private void addDowntime(String equipmentId, List<EquipmentAssignment> assignments, Instant from, Instant to) {
        for (Instant t = from; t.isBefore(to); t = t.plusSeconds(60)) {
            EquipmentAssignment assignment = assignmentAt(assignments, t);
            if (assignment == null) {
                continue;
            }
            ZonedDateTime local = t.atZone(ZoneId.of(assignment.getSiteTimeZone()));
            boolean shiftDay = assignment.getShift().getWorkingDays().contains(local.getDayOfWeek().name());
            LocalTime time = local.toLocalTime();
            if (shiftDay && !time.isBefore(LocalTime.parse(assignment.getShift().getStartLocal()))
                    && time.isBefore(LocalTime.parse(assignment.getShift().getEndLocal()))) {
                truth.addUsage(assignment.getJobId(), equipmentId, local.toLocalDate(), 0, 0, 0, 0, 1 / 60.0);
            }
        }
    }

    private static Activity activityAt(List<ActivitySpan> spans, Instant t) {
        for (ActivitySpan span : spans) {
            if (!t.isBefore(span.from()) && t.isBefore(span.to())) {
                return span.activity();
            }
        }
        return Activity.OFF;
    }

    private static EquipmentAssignment assignmentAt(List<EquipmentAssignment> assignments, Instant t) {
        for (EquipmentAssignment assignment : assignments) {
            if (!t.isBefore(assignment.getValidFrom())
                    && (assignment.getValidTo() == null || t.isBefore(assignment.getValidTo()))) {
                return assignment;
            }
        }
        return null;
    }

    private static String jobAt(List<EquipmentAssignment> assignments, Instant t) {
        EquipmentAssignment assignment = assignmentAt(assignments, t);
        return assignment == null ? null : assignment.getJobId();
    }

    private static LocalDate localDay(List<EquipmentAssignment> assignments, Instant t) {
        return t.atZone(ZoneId.of(assignmentAt(assignments, t).getSiteTimeZone())).toLocalDate();
    }
}
