package io.rigstream.topology.processing;

import static org.assertj.core.api.Assertions.assertThat;

import io.rigstream.schemas.DowntimeEvent;
import io.rigstream.schemas.DowntimeKind;
import io.rigstream.schemas.EquipmentProfile;
import io.rigstream.schemas.Fault;
import io.rigstream.schemas.MaintenanceTrigger;
import io.rigstream.schemas.Severity;
import io.rigstream.schemas.TriggerKind;
import io.rigstream.topology.testing.Telemetry;
import io.rigstream.topology.testing.TopologyHarness;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Rule 8: service tiers, faults, fuel drops; every trigger under a stable id, never twice. */
class MaintenanceScenarioTest {

    private static Telemetry at(String time) {
        return Telemetry.reading("acme", "ex-1", "2024-03-04T" + time + "Z");
    }

    @Test
    void crossing1000HoursDueTheThousandHourService() {
        try (TopologyHarness h = new TopologyHarness("2024-03-04T05:00:00Z")) {
            h.send(at("08:00:00").meter(999.5), at("09:00:00").meter(1000.2));
            List<MaintenanceTrigger> triggers = h.triggers();
            assertThat(triggers).hasSize(1);
            MaintenanceTrigger due = triggers.get(0);
            assertThat(due.getKind()).isEqualTo(TriggerKind.SERVICE_DUE);
            assertThat(due.getServiceTierHours()).isEqualTo(1000);
            assertThat(due.getTriggerId()).isEqualTo("acme/ex-1/SERVICE_DUE/1000h/1000h");
            assertThat(due.getHourMeter()).isEqualTo(1000.2);
            assertThat(due.getDeviceTs()).isEqualTo(Instant.parse("2024-03-04T09:00:00Z"));
            assertThat(due.getSeverity()).isEqualTo(Severity.NORMAL);
        }
    }

    @Test
    void serviceDueSoonComes25HoursAhead() {
        try (TopologyHarness h = new TopologyHarness("2024-03-04T05:00:00Z")) {
            h.send(at("08:00:00").meter(1224.5), at("09:00:00").meter(1225.1));
            assertThat(h.triggers()).extracting(MaintenanceTrigger::getTriggerId)
                    .containsExactly("acme/ex-1/SERVICE_DUE_SOON/250h/1250h");
        }
    }

    @Test
    void theProfilesTiersAndLeadApply() {
        try (TopologyHarness h = new TopologyHarness("2024-03-04T05:00:00Z")) {
            h.profile(EquipmentProfile.newBuilder().setTenant("acme").setEquipmentId("ex-1")
                    .setServiceTiersHours(List.of(300)).setServiceLeadHours(10.0).build());
            h.send(at("08:00:00").meter(289.9), at("09:00:00").meter(290.5), at("19:00:00").meter(300.0));
            assertThat(h.triggers()).extracting(MaintenanceTrigger::getTriggerId)
                    .containsExactly("acme/ex-1/SERVICE_DUE_SOON/300h/300h", "acme/ex-1/SERVICE_DUE/300h/300h");
        }
    }

    @Test
    void aReplayOrALateReadingNeverProducesASecondTrigger() {
        try (TopologyHarness h = new TopologyHarness("2024-03-04T05:00:00Z")) {
            Telemetry first = at("08:00:00").seq(1).meter(999.5);
            Telemetry second = at("09:00:00").seq(2).meter(1000.2);
            h.send(first, second);
            h.send(first, second);
            h.send(at("08:30:00").seq(3).meter(1000.0));
            assertThat(h.triggers()).extracting(MaintenanceTrigger::getKind).containsExactly(TriggerKind.SERVICE_DUE);
        }
    }

    @Test
    void aFaultIsRaisedOncePerEpisodeAndClearedOnce() {
        try (TopologyHarness h = new TopologyHarness("2024-03-04T05:00:00Z")) {
            Fault amber = Telemetry.amber(97, 18);
            h.send(at("08:00:00").faults(amber), at("08:10:00").faults(amber), at("08:20:00").faults(amber),
                    at("08:25:00").position(52, 13), at("08:30:00").faults());
            List<MaintenanceTrigger> triggers = h.triggers();
            assertThat(triggers).extracting(MaintenanceTrigger::getKind)
                    .containsExactly(TriggerKind.FAULT, TriggerKind.FAULT_CLEARED);
            assertThat(triggers.get(0).getTriggerId()).isEqualTo("acme/ex-1/FAULT/97.18/2024-03-04T08:00:00Z");
            assertThat(triggers.get(0).getSeverity()).isEqualTo(Severity.HIGH);
            assertThat(triggers.get(0).getFault().getSpn()).isEqualTo(97);
            // the clearing carries the episode's id, so the request opened on the fault is the one it closes
            assertThat(triggers.get(1).getTriggerId()).isEqualTo("acme/ex-1/FAULT/97.18/2024-03-04T08:00:00Z");
            assertThat(triggers.get(1).getDeviceTs()).isEqualTo(Instant.parse("2024-03-04T08:30:00Z"));
        }
    }

    @Test
    void aLateReportThatMovesAFaultsStartEarlierDoesNotChangeTheIdItsClearingCarries() {
        try (TopologyHarness h = new TopologyHarness("2024-03-04T05:00:00Z")) {
            Fault red = Telemetry.red(110, 0);
            // 20:01 arrives first and opens the episode; the 20:00 report, delayed in the gateway, extends it backwards
            h.send(at("20:01:00").faults(red));
            h.send(at("20:00:00").faults(red));
            h.send(at("20:30:00").faults());

            List<MaintenanceTrigger> triggers = h.triggers();
            assertThat(triggers).extracting(MaintenanceTrigger::getKind)
                    .containsExactly(TriggerKind.FAULT, TriggerKind.FAULT_CLEARED);
            assertThat(triggers).extracting(MaintenanceTrigger::getTriggerId)
                    .containsOnly("acme/ex-1/FAULT/110.0/2024-03-04T20:01:00Z");
            assertThat(h.downtimeEvents()).extracting(DowntimeEvent::getKind)
                    .containsExactly(DowntimeKind.DOWNTIME_STARTED, DowntimeKind.DOWNTIME_ENDED);
            assertThat(h.downtimeEvents()).extracting(DowntimeEvent::getEventId)
                    .containsOnly("acme/ex-1/downtime/2024-03-04T20:01:00Z");
        }
    }

    @Test
    void aRedFaultIsCritical() {
        try (TopologyHarness h = new TopologyHarness("2024-03-04T05:00:00Z")) {
            h.send(at("08:00:00").faults(Telemetry.red(110, 0)));
            assertThat(h.triggers()).extracting(MaintenanceTrigger::getSeverity).containsExactly(Severity.CRITICAL);
        }
    }

    @Test
    void fuelLeavingTheTankWhileTheEngineIsOffIsAPossibleTheft() {
        try (TopologyHarness h = new TopologyHarness("2024-03-04T05:00:00Z")) {
            h.send(at("18:00:00").running(false).fuel(80).tank(400), Telemetry.reading("acme", "ex-1",
                    "2024-03-05T05:00:00Z").running(false).fuel(70));
            List<MaintenanceTrigger> triggers = h.triggers();
            assertThat(triggers).hasSize(1);
            // 10 % of a 400 l tank, over the 5 % threshold
            assertThat(triggers.get(0).getKind()).isEqualTo(TriggerKind.FUEL_DROP);
            assertThat(triggers.get(0).getFuelDropLitres()).isEqualTo(40.0);
            assertThat(triggers.get(0).getTriggerId()).isEqualTo("acme/ex-1/FUEL_DROP/2024-03-05T05:00:00Z");
        }
    }

    @Test
    void aSmallDropOrOneWhileRunningIsNotATheft() {
        try (TopologyHarness h = new TopologyHarness("2024-03-04T05:00:00Z")) {
            h.send(at("18:00:00").running(false).fuel(80).tank(400), at("20:00:00").running(false).fuel(76),
                    at("21:00:00").running(true).fuel(76), at("22:00:00").running(true).fuel(50));
            assertThat(h.triggers()).isEmpty();
        }
    }
}
