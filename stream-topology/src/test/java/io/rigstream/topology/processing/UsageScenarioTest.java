package io.rigstream.topology.processing;

import static io.rigstream.topology.testing.TopologyHarness.assignment;
import static org.assertj.core.api.Assertions.assertThat;

import io.rigstream.schemas.ContractBasis;
import io.rigstream.schemas.EquipmentUsage;
import io.rigstream.schemas.TriggerKind;
import io.rigstream.schemas.topics.Topics;
import io.rigstream.topology.testing.Telemetry;
import io.rigstream.topology.testing.TopologyHarness;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Rules 2, 3 and 5: engine, idle, fuel and distance from counters and states, on site-local days. */
class UsageScenarioTest {

    private static final double HOUR_MS = 3_600_000.0;

    private static Telemetry at(String time) {
        return Telemetry.reading("acme", "ex-1", "2024-03-04T" + time + "Z");
    }

    private static EquipmentUsage monday(TopologyHarness h) {
        h.advance(Duration.ofDays(2));
        return h.equipmentDay("ex-1", "2024-03-04");
    }

    @Test
    void aMeterThatGoesDownIsFlaggedAndCountsNothingNegative() {
        try (TopologyHarness h = new TopologyHarness("2024-03-04T05:00:00Z")) {
            h.send(at("08:00:00").meter(5000).running(true), at("08:10:00").meter(0.1).running(true),
                    at("08:20:00").meter(0.2).running(true));
            EquipmentUsage day = monday(h);
            // 08:00-08:10 falls back on the running engine (10 min), 08:10-08:20 is 0.1 h on the new meter (6 min)
            assertThat(day.getEngineHours()).isEqualTo((600_000 + 360_000) / HOUR_MS);
            assertThat(day.getFlags()).containsExactly("METER_RESET");
            assertThat(h.triggers()).extracting(t -> t.getKind()).containsExactly(TriggerKind.METER_RESET);
        }
    }

    @Test
    void anIncreaseFasterThanTimeIsCappedToTheIntervalAndFlagged() {
        try (TopologyHarness h = new TopologyHarness("2024-03-04T05:00:00Z")) {
            h.send(at("08:00:00").meter(100), at("09:00:00").meter(150));
            EquipmentUsage day = monday(h);
            assertThat(day.getEngineHours()).isEqualTo(1.0);
            assertThat(day.getFlags()).containsExactly("IMPLAUSIBLE_INCREASE");
        }
    }

    @Test
    void aSilentGapLongerThan15MinutesIsUnknownNotRunning() {
        try (TopologyHarness h = new TopologyHarness("2024-03-04T05:00:00Z")) {
            h.send(at("08:00:00").running(true), at("08:10:00").running(true), at("09:10:00").running(true));
            EquipmentUsage day = monday(h);
            assertThat(day.getEngineHours()).isEqualTo(10 / 60.0);
            assertThat(day.getUnknownHours()).isEqualTo(1.0);
        }
    }

    @Test
    void idleIsRunningSlowAndUnloadedAndWorkingIsTheRest() {
        try (TopologyHarness h = new TopologyHarness("2024-03-04T05:00:00Z")) {
            h.send(at("08:00:00").running(true).speed(0).load(10).position(52, 13),
                    at("08:10:00").running(true).speed(0.5).load(20).position(52, 13),
                    at("08:20:00").running(true).speed(0).load(15).position(52, 13),
                    at("08:30:00").running(true).speed(0).load(60).position(52, 13),
                    at("08:40:00").running(true).speed(4).load(15).position(52, 13),
                    at("08:50:00").running(true).speed(3).load(70).position(52, 13),
                    at("09:00:00").running(false).position(52, 13));
            EquipmentUsage day = monday(h);
            // the first three 10-minute intervals are idle, the last three are working
            assertThat(day.getEngineHours()).isEqualTo(1.0);
            assertThat(day.getIdleHours()).isEqualTo(0.5);
            assertThat(day.getWorkingHours()).isEqualTo(0.5);
            assertThat(day.getIdleRatio()).isEqualTo(0.5);
        }
    }

    @Test
    void fuelIsTheLevelDropWhileRunningWithoutRefuels() {
        try (TopologyHarness h = new TopologyHarness("2024-03-04T05:00:00Z")) {
            h.send(at("08:00:00").running(true).fuel(50).tank(200), at("08:10:00").running(true).fuel(49),
                    at("08:20:00").running(true).fuel(48), at("08:30:00").running(true).fuel(90),
                    at("08:40:00").running(true).fuel(89));
            // 1 % + 1 % + (refuel) + 1 % of 200 l
            assertThat(monday(h).getFuelLitres()).isEqualTo(6.0);
        }
    }

    @Test
    void theFuelCounterWinsWhenSent() {
        try (TopologyHarness h = new TopologyHarness("2024-03-04T05:00:00Z")) {
            h.send(at("08:00:00").running(true).fuelUsed(1200.0).fuel(50).tank(200),
                    at("09:00:00").running(true).fuelUsed(1212.5).fuel(10));
            assertThat(monday(h).getFuelLitres()).isEqualTo(12.5);
        }
    }

    @Test
    void distanceFromGpsDiscardsJumpsFasterThan120Kmh() {
        try (TopologyHarness h = new TopologyHarness("2024-03-04T05:00:00Z")) {
            // 0.01 degree of latitude = 1.112 km; the middle hop covers it in 30 s (133 km/h)
            h.send(at("08:00:00").position(52.00, 13), at("08:10:00").position(52.01, 13),
                    at("08:10:30").position(52.02, 13), at("08:20:30").position(52.03, 13));
            EquipmentUsage day = monday(h);
            assertThat(day.getDistanceKm()).isEqualTo(2.224);
            assertThat(day.getFlags()).containsExactly("GPS_JUMP");
        }
    }

    @Test
    void theOdometerWinsWhenSent() {
        try (TopologyHarness h = new TopologyHarness("2024-03-04T05:00:00Z")) {
            h.send(at("08:00:00").odometer(1000.0).position(52.00, 13), at("08:10:00").odometer(1003.5).position(52.00, 13));
            assertThat(monday(h).getDistanceKm()).isEqualTo(3.5);
        }
    }

    @Test
    void theDayTheClocksGoForwardHas23HoursOnSite() {
        try (TopologyHarness h = new TopologyHarness("2024-03-30T20:00:00Z")) {
            h.assign(assignment("a1", "ex-1", "job-1", "2024-03-25T00:00:00Z", null, ContractBasis.DAY, 8, 4));
            // running every 10 minutes from Berlin midnight (23:00 UTC) to the next midnight (22:00 UTC, CEST)
            List<Telemetry> readings = new ArrayList<>();
            for (Instant t = Instant.parse("2024-03-30T23:00:00Z"); !t.isAfter(Instant.parse("2024-03-31T22:00:00Z"));
                    t = t.plusSeconds(600)) {
                readings.add(Telemetry.reading("acme", "ex-1", t).running(true));
            }
            h.send(readings.toArray(Telemetry[]::new));
            h.advance(Duration.ofDays(2));

            assertThat(h.equipmentDay("ex-1", "2024-03-31").getEngineHours()).isEqualTo(23.0);
            // Sunday is not a shift day: only engine hours are billable, the minimum does not apply
            assertThat(h.jobDay("job-1", "ex-1", "2024-03-31").getEngineHours()).isEqualTo(23.0);
            assertThat(h.jobDay("job-1", "ex-1", "2024-03-31").getBillableHours()).isEqualTo(23.0);
            assertThat(h.jobDay("job-1", "ex-1", "2024-03-31").getShiftHours()).isEqualTo(0.0);
        }
    }

    @Test
    void hourlyFiguresUpdateAsDataArrives() {
        try (TopologyHarness h = new TopologyHarness("2024-03-04T05:00:00Z")) {
            h.send(at("08:00:00").meter(10), at("08:30:00").meter(10.5));
            h.advance(Duration.ofSeconds(30));
            h.send(at("09:00:00").meter(10.75));
            h.advance(Duration.ofSeconds(30));

            List<EquipmentUsage> eightOClock = h.records(Topics.USAGE_HOURLY).stream()
                    .filter(u -> u.getWindowStart().equals(Instant.parse("2024-03-04T08:00:00Z"))).toList();
            assertThat(eightOClock).extracting(EquipmentUsage::getEngineHours).containsExactly(0.5, 0.75);
            assertThat(eightOClock).extracting(EquipmentUsage::getRevision).containsExactly(1, 2);
            assertThat(eightOClock).extracting(EquipmentUsage::getGranularity).containsOnly("HOUR");
        }
    }
}
