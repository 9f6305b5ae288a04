package io.rigstream.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.rigstream.simulator.fleet.FleetPlan.ActivitySpan;
import io.rigstream.simulator.gateway.GatewayMessage;
import io.rigstream.simulator.truth.DayUsageTruth;
import io.rigstream.simulator.truth.GroundTruth;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class FleetSimulatorTest {

    private static final LocalDate THURSDAY = LocalDate.of(2026, 11, 19);

    @Test
    void sameSeedGivesTheSameMessagesAndTruth() {
        Simulation first = FleetSimulator.run(Scenario.demo(42, THURSDAY));
        Simulation second = FleetSimulator.run(Scenario.demo(42, THURSDAY));
        assertThat(second.messages()).hasSameSizeAs(first.messages());
        for (int i = 0; i < first.messages().size(); i++) {
            GatewayMessage a = first.messages().get(i);
            GatewayMessage b = second.messages().get(i);
            assertThat(b.topic()).isEqualTo(a.topic());
            assertThat(Arrays.equals(a.payload(), b.payload())).isTrue();
        }
        assertThat(second.truth().validReadings()).isEqualTo(first.truth().validReadings());
    }

    @Test
    void engineHoursInTheTruthEqualThePlannedRunningTime() {
        Simulation simulation = FleetSimulator.run(Scenario.demo(7, THURSDAY));
        String equipment = "WL-0002";
        double planned = simulation.plan().activity().get(equipment).stream()
                .mapToDouble(span -> Duration.between(span.from(), span.to()).toSeconds() / 3600.0).sum();
        double truth = simulation.truth().days().stream().filter(d -> d.equipmentId().equals(equipment))
                .mapToDouble(DayUsageTruth::engineHours).sum();
        assertThat(truth).isCloseTo(planned, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(planned).isGreaterThan(10);
    }

    @Test
    void brokenMachineDoesNotRunWhileItsRedFaultIsActive() {
        Simulation simulation = FleetSimulator.run(Scenario.demo(7, THURSDAY));
        List<ActivitySpan> spans = simulation.plan().activity().get("WL-0002");
        var breakdown = simulation.plan().incidents().stream().filter(i -> i.equipmentId().equals("WL-0002")).toList();
        assertThat(breakdown).hasSize(2);
        assertThat(spans).noneMatch(s -> s.to().isAfter(breakdown.get(0).at()) && s.from().isBefore(breakdown.get(1).at()));
        assertThat(simulation.truth().days().stream().filter(d -> d.equipmentId().equals("WL-0002"))
                .mapToDouble(DayUsageTruth::downtimeHours).sum())
                // 10:30-17:00 on Wednesday and 07:00-09:00 on Thursday, all within shift hours.
                .isCloseTo(6.5 + 2.0, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void malformedMessagesAreCountedWithTheirReasons() {
        Simulation simulation = FleetSimulator.run(Scenario.demo(3, THURSDAY));
        long malformed = simulation.messages().stream().filter(m -> m.expectedReject().isPresent()).count();
        assertThat(malformed).isEqualTo(6);
        assertThat(simulation.truth().rejectsByReason().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(6);
    }

    @Test
    void storeAndForwardBatchCarriesTheReadingsOfTheGap() {
        Simulation simulation = FleetSimulator.run(Scenario.demo(3, THURSDAY));
        // WL-0006 loses connectivity 09:00-13:00 on its first day: 4 h of one-minute readings, less the lunch break.
        GatewayMessage batch = simulation.messages().stream()
                .filter(m -> m.topic().equals("fleet/acme/WL-0006/telemetry") && m.readings() > 1)
                .findFirst().orElseThrow();
        assertThat(batch.readings()).isBetween(150, 240);
        assertThat(new String(batch.payload())).startsWith("{\"equipmentId\":");
    }

    @Test
    void someReadingsReachTheBrokerAfterReadingsTakenLater() throws Exception {
        Simulation simulation = FleetSimulator.run(Scenario.demo(3, THURSDAY));
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        java.util.Map<String, Long> lastSeq = new java.util.HashMap<>();
        long outOfOrder = 0;
        for (GatewayMessage message : simulation.messages()) {
            if (message.readings() != 1) {
                continue;
            }
            long seq = json.readTree(message.payload()).get("seq").asLong();
            Long previous = lastSeq.put(message.topic(), seq);
            if (previous != null && seq < previous) {
                outOfOrder++;
            }
        }
        // 2 % of about 25,000 single readings are held back.
        assertThat(outOfOrder).isBetween(200L, 1000L);
    }

    @Test
    void aGatewayWithASkewedClockStampsItsReadingsOffTrueTime() throws Exception {
        Simulation simulation = FleetSimulator.run(Scenario.demo(3, THURSDAY));
        // Machine 7 (GN-0008) runs 90 s ahead: its readings, taken on the minute, carry ts at :30.
        GatewayMessage first = simulation.messages().stream().filter(m -> m.topic().equals("fleet/acme/GN-0008/telemetry"))
                .findFirst().orElseThrow();
        String ts = new com.fasterxml.jackson.databind.ObjectMapper().readTree(first.payload()).get("ts").asText();
        assertThat(java.time.Instant.parse(ts)).isEqualTo(simulation.plan().start().plusSeconds(90));
    }

    @Test
    void everyServiceTierTheHourMeterReachesIsExpectedOnce() {
        Simulation simulation = FleetSimulator.run(Scenario.demo(7, THURSDAY));
        // Machine 0 starts at 498 h: the 500 h service falls due, and the 2 h before it are no lead-time crossing.
        assertThat(simulation.truth().events()).filteredOn(e -> e.equipmentId().equals("EX-0001"))
                .filteredOn(e -> e.kind().startsWith("SERVICE"))
                .containsExactly(new GroundTruth.ExpectedEvent("EX-0001", "SERVICE_DUE", "500 h at 500 h"));
    }

    @Test
    void billableHoursFollowTheContractOfEachJob() {
        Simulation simulation = FleetSimulator.run(Scenario.demo(7, THURSDAY));
        // J1002 bills at least 4 h on a shift day: WL-0002's breakdown day (10:30-17:00 down) and the day after.
        var days = simulation.truth().days().stream().filter(d -> d.equipmentId().equals("WL-0002")).toList();
        assertThat(days).allSatisfy(d -> assertThat(d.billableHours()).isGreaterThanOrEqualTo(d.engineHours()));
        assertThat(days).filteredOn(d -> d.shiftHours() > 0)
                .allSatisfy(d -> assertThat(d.billableHours()).isGreaterThanOrEqualTo(Math.min(4.0, d.availableHours())));
        assertThat(days).filteredOn(d -> d.shiftHours() == 0).allSatisfy(d -> assertThat(d.billableHours()).isEqualTo(d.engineHours()));
    }

    @Test
    void noTankRunsDryWhileItsEngineRuns() throws Exception {
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        for (long seed : new long[] {11, 12, 13, 14, 42}) {
            Simulation simulation = FleetSimulator.run(Scenario.demo(seed, THURSDAY).withEquipment(20, 4));
            for (GatewayMessage message : simulation.messages()) {
                if (message.readings() != 1) {
                    continue;
                }
                var reading = json.readTree(message.payload());
                if (reading.get("engine").get("running").asBoolean()) {
                    assertThat(reading.get("fuel").get("levelPct").asDouble()).as("seed %d, %s", seed, message.topic()).isPositive();
                }
            }
        }
    }

    @Test
    void machinesWithoutAnHourMeterOnTheirGatewayAreExpectedToRaiseNoServiceTrigger() {
        for (long seed : new long[] {11, 12, 13, 14, 42}) {
            Simulation simulation = FleetSimulator.run(Scenario.demo(seed, THURSDAY));
            assertThat(simulation.truth().events()).as("seed %d", seed)
                    .noneMatch(e -> e.equipmentId().startsWith("TH-") && e.kind().startsWith("SERVICE"));
        }
    }
}
