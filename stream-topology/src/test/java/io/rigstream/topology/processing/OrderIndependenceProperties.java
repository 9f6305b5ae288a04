package io.rigstream.topology.processing;

import static org.assertj.core.api.Assertions.assertThat;

import io.rigstream.schemas.ContractBasis;
import io.rigstream.schemas.EquipmentAssignment;
import io.rigstream.schemas.EquipmentUsage;
import io.rigstream.schemas.Fault;
import io.rigstream.schemas.JobUsageDaily;
import io.rigstream.schemas.JobUsagePeriod;
import io.rigstream.schemas.topics.Topics;
import io.rigstream.topology.testing.Telemetry;
import io.rigstream.topology.testing.TopologyHarness;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * Rule 4 as a property: a random fleet's readings, shuffled, with random duplicates and a re-uploaded stretch of
 * history, delivered while the wall clock closes days early, end with the same daily, hourly, job-day and job-period
 * figures as the same readings sorted and without duplicates. Only the revision numbers may differ.
 */
class OrderIndependenceProperties {

    private static final Instant MONDAY = Instant.parse("2024-03-04T00:00:00Z");
    /** Both deliveries end with the wall clock here, so both have closed the same days. */
    private static final Instant END = Instant.parse("2024-03-11T00:00:00Z");
    private static final String[] ZONES = {"Europe/Berlin", "America/New_York", "Asia/Kolkata"};

    @Property(tries = 20)
    void shuffledDuplicatedDeliveryEndsWithTheFiguresOfSortedDelivery(@ForAll long seed) {
        Random random = new Random(seed);
        Fleet fleet = Fleet.generate(random);

        List<Telemetry> sorted = new ArrayList<>(fleet.readings);
        sorted.sort(Comparator.comparing(Telemetry::deviceTs));
        Figures expected = run(fleet, sorted, new Random(0), false);

        List<Telemetry> messy = new ArrayList<>(fleet.readings);
        Collections.shuffle(messy, random);
        for (int i = 0; i < fleet.readings.size() / 10; i++) {
            Telemetry copy = fleet.readings.get(random.nextInt(fleet.readings.size()));
            messy.add(random.nextInt(messy.size() + 1), copy);
        }
        int from = random.nextInt(fleet.readings.size());
        messy.addAll(fleet.readings.subList(from, Math.min(fleet.readings.size(), from + 10 + random.nextInt(40))));
        Figures actual = run(fleet, messy, random, true);

        assertThat(differences(expected.daily, actual.daily)).as("daily usage, seed %d", seed).isEmpty();
        assertThat(differences(expected.jobDaily, actual.jobDaily)).as("job usage, seed %d", seed).isEmpty();
        assertThat(differences(expected.hourly, actual.hourly)).as("hourly usage, seed %d", seed).isEmpty();
        assertThat(differences(expected.jobPeriods, actual.jobPeriods)).as("job periods, seed %d", seed).isEmpty();
        assertThat(expected.jobDaily).isNotEmpty();
        assertThat(expected.jobPeriods).isNotEmpty();
    }

    private record Figures(Map<String, String> daily, Map<String, String> jobDaily, Map<String, String> hourly,
            Map<String, String> jobPeriods) {
    }

    private static Figures run(Fleet fleet, List<Telemetry> delivery, Random clock, boolean punctuateEarly) {
        try (TopologyHarness h = new TopologyHarness("2024-03-04T00:00:00Z")) {
            fleet.assignments.forEach(h::assign);
            for (Telemetry reading : delivery) {
                h.send(reading);
                if (punctuateEarly && clock.nextInt(25) == 0) {
                    h.advanceTo(min(h.wallClock().plus(Duration.ofMinutes(clock.nextInt(600))), END));
                }
            }
            // a last punctuation after the last reading, even when the early ones already reached the end
            h.advanceTo(END).advance(Duration.ofMinutes(1));
            return new Figures(withoutRevision(h.latest(Topics.USAGE_DAILY)), withoutRevisionJob(h.latest(Topics.JOB_USAGE_DAILY)),
                    withoutRevision(h.latest(Topics.USAGE_HOURLY)), withoutRevisionPeriod(h.latest(Topics.JOB_USAGE_PERIOD)));
        }
    }

    /** The keys whose figures differ, each with both versions. */
    private static List<String> differences(Map<String, String> expected, Map<String, String> actual) {
        java.util.Set<String> keys = new java.util.TreeSet<>(expected.keySet());
        keys.addAll(actual.keySet());
        return keys.stream().filter(k -> !java.util.Objects.equals(expected.get(k), actual.get(k)))
                .map(k -> k + "\n  sorted:   " + expected.get(k) + "\n  shuffled: " + actual.get(k)).toList();
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static Map<String, String> withoutRevision(Map<String, EquipmentUsage> records) {
        Map<String, String> figures = new TreeMap<>();
        records.forEach((k, v) -> figures.put(k, EquipmentUsage.newBuilder(v).setRevision(0).build().toString()));
        return figures;
    }

    private static Map<String, String> withoutRevisionJob(Map<String, JobUsageDaily> records) {
        Map<String, String> figures = new TreeMap<>();
        records.forEach((k, v) -> figures.put(k, JobUsageDaily.newBuilder(v).setRevision(0).build().toString()));
        return figures;
    }

    private static Map<String, String> withoutRevisionPeriod(Map<String, JobUsagePeriod> records) {
        Map<String, String> figures = new TreeMap<>();
        records.forEach((k, v) -> figures.put(k, JobUsagePeriod.newBuilder(v).setRevision(0).build().toString()));
        return figures;
    }

    /** A few machines over about two days: engines on and off, meters, fuel, GPS, faults, gaps, transfers. */
    private record Fleet(List<Telemetry> readings, List<EquipmentAssignment> assignments) {

        static Fleet generate(Random random) {
            List<Telemetry> readings = new ArrayList<>();
            List<EquipmentAssignment> assignments = new ArrayList<>();
            int machines = 1 + random.nextInt(3);
            for (int m = 0; m < machines; m++) {
                String equipment = "ex-" + m;
                assignments.addAll(assignmentsOf(equipment, random));
                readings.addAll(readingsOf(equipment, random));
            }
            return new Fleet(readings, assignments);
        }

        private static List<EquipmentAssignment> assignmentsOf(String equipment, Random random) {
            ContractBasis basis = ContractBasis.values()[random.nextInt(3)];
            double allowance = switch (basis) {
                case DAY -> 8;
                case WEEK -> 40;
                case PERIOD -> 160;
            };
            String zone = ZONES[random.nextInt(ZONES.length)];
            String transfer = random.nextBoolean() ? "2024-03-05T" + (10 + random.nextInt(10)) + ":17:00Z" : null;
            List<EquipmentAssignment> list = new ArrayList<>();
            list.add(EquipmentAssignment.newBuilder(TopologyHarness.assignment("a-" + equipment, equipment, "job-a",
                    "2024-03-03T00:00:00Z", transfer, basis, allowance, random.nextBoolean() ? 4 : 0))
                    .setSiteTimeZone(zone).build());
            if (transfer != null) {
                list.add(EquipmentAssignment.newBuilder(TopologyHarness.assignment("b-" + equipment, equipment, "job-b",
                        transfer, null, ContractBasis.WEEK, 40, 2)).setSiteTimeZone(ZONES[random.nextInt(ZONES.length)]).build());
            }
            return list;
        }

        private static List<Telemetry> readingsOf(String equipment, Random random) {
            List<Telemetry> readings = new ArrayList<>();
            Instant t = MONDAY.plus(Duration.ofMinutes(240 + random.nextInt(600)));
            boolean withSeq = random.nextInt(5) > 0;
            long seq = random.nextInt(1000);
            double meter = 100 + random.nextInt(900) + random.nextDouble();
            double fuel = 90;
            boolean running = false;
            int count = 40 + random.nextInt(200);
            for (int i = 0; i < count; i++) {
                Telemetry reading = Telemetry.reading("acme", equipment, t);
                if (withSeq) {
                    reading.seq(seq++);
                }
                running = random.nextInt(4) > 0;
                if (random.nextInt(10) > 0) {
                    reading.running(running);
                }
                if (random.nextInt(10) > 1) {
                    reading.meter(Math.round(meter * 100) / 100.0);
                }
                if (random.nextInt(10) > 2) {
                    reading.speed(random.nextInt(6)).load(random.nextInt(80));
                }
                if (random.nextInt(10) > 2) {
                    reading.position(52 + random.nextInt(100) / 10_000.0, 13 + random.nextInt(100) / 10_000.0);
                }
                if (random.nextInt(10) > 3) {
                    reading.fuel(Math.round(fuel * 10) / 10.0).tank(300);
                }
                if (random.nextInt(10) == 0) {
                    reading.faults(random.nextBoolean() ? new Fault[] {Telemetry.red(110, random.nextInt(3))} : new Fault[0]);
                }
                readings.add(reading);
                long stepMinutes = random.nextInt(20) == 0 ? 20 + random.nextInt(160) : 1 + random.nextInt(15);
                if (running) {
                    meter += stepMinutes / 60.0;
                    fuel = Math.max(5, fuel - stepMinutes * 0.05);
                }
                t = t.plus(Duration.ofMinutes(stepMinutes));
            }
            return readings;
        }
    }
}
