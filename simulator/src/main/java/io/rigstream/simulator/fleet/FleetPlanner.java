package io.rigstream.simulator.fleet;

import io.rigstream.schemas.ContractBasis;
import io.rigstream.schemas.ContractTerms;
import io.rigstream.schemas.EquipmentAssignment;
import io.rigstream.schemas.ShiftCalendar;
import io.rigstream.simulator.Scenario;
import io.rigstream.simulator.fleet.FleetPlan.ActivitySpan;
import io.rigstream.simulator.fleet.FleetPlan.Incident;
import io.rigstream.simulator.fleet.MachineState.Activity;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Turns a {@link Scenario} into a {@link FleetPlan}, deterministically from its seed. */
public final class FleetPlanner {

    private static final List<ZoneId> SITE_ZONES = List.of(ZoneId.of("Europe/Berlin"), ZoneId.of("Europe/London"),
            ZoneId.of("America/Chicago"), ZoneId.of("Australia/Sydney"));
    private static final List<ContractTerms> CONTRACTS = List.of(
            new ContractTerms(ContractBasis.DAY, 8.0, 0.0, true, null),
            new ContractTerms(ContractBasis.WEEK, 40.0, 0.0, true, null),
            new ContractTerms(ContractBasis.DAY, 8.0, 4.0, true, null),
            new ContractTerms(ContractBasis.PERIOD, 160.0, 0.0, true, null));

    private final Scenario scenario;
    private final Random random;

    private FleetPlanner(Scenario scenario) {
        this.scenario = scenario;
        this.random = new Random(scenario.seed());
    }

    public static FleetPlan plan(Scenario scenario) {
        return new FleetPlanner(scenario).plan();
    }

    private FleetPlan plan() {
        LocalDate firstDay = scenario.lastDay().minusDays(scenario.days() - 1L);
        List<Job> jobs = new ArrayList<>();
        for (int j = 0; j < scenario.jobCount(); j++) {
            ZoneId zone = SITE_ZONES.get(j % SITE_ZONES.size());
            jobs.add(new Job(String.format("J%04d", 1001 + j), zone, EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
                    LocalTime.of(7, 0), LocalTime.of(17, 0), 40 + random.nextDouble() * 15, -5 + random.nextDouble() * 20));
        }
        Instant start = jobs.stream().map(j -> firstDay.atStartOfDay(j.zone()).toInstant()).min(Instant::compareTo).orElseThrow();
        Instant end = jobs.stream().map(j -> scenario.lastDay().plusDays(1).atStartOfDay(j.zone()).toInstant())
                .max(Instant::compareTo).orElseThrow();

        List<Machine> machines = new ArrayList<>();
        List<EquipmentAssignment> assignments = new ArrayList<>();
        Map<String, List<ActivitySpan>> activity = new HashMap<>();
        List<Incident> incidents = new ArrayList<>();
        // The rental covers the simulated period exactly: no day is billed that the simulation did not live through.
        for (int i = 0; i < scenario.equipmentCount(); i++) {
            MachineType type = MachineType.values()[i % MachineType.values().length];
            String id = String.format("%s-%04d", type.idPrefix(), i + 1);
            // Machine 0 sits just under the 500 h service tier, so the plan always crosses one.
            double hourMeter = i == 0 ? 498.0 : 100 + random.nextInt(2900) + random.nextDouble();
            Machine machine = new Machine(scenario.tenant(), id, type, hourMeter, 1000 + random.nextInt(9000), clockSkew(i));
            machines.add(machine);
            Job job = jobs.get(i % jobs.size());
            machine.state().moveTo(job.latitude(), job.longitude());
            boolean transferred = i == 6 && jobs.size() > 1 && scenario.days() > 1;
            List<ActivitySpan> spans = new ArrayList<>();
            if (transferred) {
                Job next = jobs.get((i + 1) % jobs.size());
                Instant transfer = scenario.lastDay().atStartOfDay(job.zone()).toInstant().plus(Duration.ofHours(3));
                assignments.add(assignment(id, job, start, transfer, 1));
                assignments.add(assignment(id, next, transfer, end, 2));
                planDays(spans, job, firstDay, scenario.lastDay().minusDays(1));
                planDays(spans, next, scenario.lastDay(), scenario.lastDay());
            } else {
                assignments.add(assignment(id, job, start, end, 1));
                planDays(spans, job, firstDay, scenario.lastDay());
            }
            activity.put(id, spans);
            planIncidents(i, id, job, firstDay, spans, incidents);
        }
        return new FleetPlan(List.copyOf(jobs), List.copyOf(machines), List.copyOf(assignments), activity,
                List.copyOf(incidents), start, end);
    }

    /**
     * Two gateways with a wrong clock: one 90 s ahead, one 50 s behind. Both stay within the bridge's allowed skew;
     * their machines are off around midnight and at the shift edges, so device time and true time give the same days.
     */
    private static Duration clockSkew(int index) {
        return switch (index) {
            case 7 -> Duration.ofSeconds(90);
            case 8 -> Duration.ofSeconds(-50);
            default -> Duration.ZERO;
        };
    }

    private EquipmentAssignment assignment(String equipmentId, Job job, Instant from, Instant to, int n) {
        ContractTerms terms = CONTRACTS.get(Integer.parseInt(job.jobId().substring(1)) % CONTRACTS.size());
        return EquipmentAssignment.newBuilder()
                .setAssignmentId(scenario.tenant() + "/" + equipmentId + "/" + n)
                .setTenant(scenario.tenant()).setEquipmentId(equipmentId).setJobId(job.jobId())
                .setValidFrom(from).setValidTo(to).setSiteTimeZone(job.zone().getId())
                .setShift(new ShiftCalendar(job.workingDays().stream().map(DayOfWeek::name).toList(),
                        job.shiftStart().toString(), job.shiftEnd().toString()))
                .setContract(ContractTerms.newBuilder(terms).build())
                .build();
    }

    /** Engine on for the shift with a lunch break, working and idling in turns; off overnight and at weekends. */
    private void planDays(List<ActivitySpan> spans, Job job, LocalDate from, LocalDate to) {
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            if (!job.workingDays().contains(day.getDayOfWeek())) {
                continue;
            }
            Instant on = minute(day, job.shiftStart().plusMinutes(random.nextInt(20)), job.zone());
            Instant lunch = minute(day, LocalTime.of(12, random.nextInt(15)), job.zone());
            Instant back = lunch.plus(Duration.ofMinutes(30 + random.nextInt(15)));
            Instant off = minute(day, job.shiftEnd().minusMinutes(random.nextInt(40)), job.zone());
            // One day in four runs into overtime, so allowances get exceeded in the plan.
            if (random.nextInt(4) == 0) {
                off = off.plus(Duration.ofMinutes(60 + random.nextInt(90)));
            }
            alternate(spans, on, lunch);
            alternate(spans, back, off);
        }
    }

    private void alternate(List<ActivitySpan> spans, Instant from, Instant to) {
        Instant at = from;
        boolean working = true;
        while (at.isBefore(to)) {
            long minutes = working ? 15 + random.nextInt(50) : 5 + random.nextInt(20);
            Instant next = at.plus(Duration.ofMinutes(minutes));
            if (next.isAfter(to)) {
                next = to;
            }
            spans.add(new ActivitySpan(at, next, working ? Activity.WORKING : Activity.IDLE));
            at = next;
            working = !working;
        }
    }

    private void planIncidents(int index, String id, Job job, LocalDate firstDay, List<ActivitySpan> spans,
            List<Incident> incidents) {
        LocalDate day = firstDay;
        switch (index) {
            case 1 -> {
                Instant breakdown = minute(day, LocalTime.of(10, 30), job.zone());
                Instant repaired = scenario.days() > 1 ? minute(day.plusDays(1), LocalTime.of(9, 0), job.zone())
                        : minute(day, LocalTime.of(15, 0), job.zone());
                incidents.add(new Incident(id, breakdown, Incident.Kind.RED_FAULT));
                incidents.add(new Incident(id, repaired, Incident.Kind.RED_FAULT_REPAIRED));
                // A broken machine does not run until it is repaired.
                spans.removeIf(s -> s.to().isAfter(breakdown) && s.from().isBefore(repaired));
            }
            case 2 -> {
                incidents.add(new Incident(id, minute(day, LocalTime.of(14, 0), job.zone()), Incident.Kind.AMBER_FAULT));
                incidents.add(new Incident(id, minute(day, LocalTime.of(15, 0), job.zone()), Incident.Kind.AMBER_FAULT_CLEARED));
            }
            case 3 -> incidents.add(new Incident(id, minute(day, LocalTime.of(22, 0), job.zone()), Incident.Kind.METER_REPLACED));
            case 4 -> incidents.add(new Incident(id, minute(day, LocalTime.of(23, 0), job.zone()), Incident.Kind.FUEL_THEFT));
            case 5 -> {
                incidents.add(new Incident(id, minute(day, LocalTime.of(9, 0), job.zone()), Incident.Kind.CONNECTIVITY_LOST));
                incidents.add(new Incident(id, minute(day, LocalTime.of(13, 0), job.zone()), Incident.Kind.CONNECTIVITY_RESTORED));
            }
            default -> {
            }
        }
    }

    private static Instant minute(LocalDate day, LocalTime time, ZoneId zone) {
        return day.atTime(time.withSecond(0).withNano(0)).atZone(zone).toInstant();
    }
}
