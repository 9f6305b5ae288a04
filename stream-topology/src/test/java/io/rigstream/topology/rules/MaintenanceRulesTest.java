package io.rigstream.topology.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.rigstream.topology.model.EquipmentProfileSettings;
import io.rigstream.topology.model.Reading;
import io.rigstream.topology.rules.MaintenanceRules.ServiceCrossing;
import io.rigstream.topology.testing.Telemetry;
import java.util.List;
import org.junit.jupiter.api.Test;

class MaintenanceRulesTest {

    private static final EquipmentProfileSettings PROFILE = EquipmentProfileSettings.DEFAULT;
    private final MaintenanceRules rules = new MaintenanceRules(new UsageSettings(15 * 60_000, 6 * 60_000, 120), 5.0);

    private static Reading meter(String at, double hours) {
        return Telemetry.at(at).meter(hours).reading();
    }

    private static List<String> describe(List<ServiceCrossing> crossings) {
        return crossings.stream().map(c -> c.kind() + "@" + c.atHours() + "/" + c.tierHours()).toList();
    }

    @Test
    void crossingAMultipleOfSeveralTiersDueTheHighest() {
        List<ServiceCrossing> crossings = rules.serviceCrossings(meter("2024-03-04T08:00:00Z", 999.5),
                meter("2024-03-04T09:00:00Z", 1000.2), PROFILE);
        assertThat(describe(crossings)).containsExactly("SERVICE_DUE@1000/1000");
    }

    @Test
    void dueSoonComes25HoursBefore() {
        List<ServiceCrossing> crossings = rules.serviceCrossings(meter("2024-03-04T08:00:00Z", 474.5),
                meter("2024-03-04T09:00:00Z", 475.2), PROFILE);
        assertThat(describe(crossings)).containsExactly("SERVICE_DUE_SOON@500/500");
    }

    @Test
    void aTierIsCrossedWhenTheMeterReachesItExactly() {
        assertThat(describe(rules.serviceCrossings(meter("2024-03-04T08:00:00Z", 249.5),
                meter("2024-03-04T09:00:00Z", 250.0), PROFILE))).containsExactly("SERVICE_DUE@250/250");
    }

    @Test
    void anImplausibleJumpCrossesNothing() {
        assertThat(rules.serviceCrossings(meter("2024-03-04T08:00:00Z", 10),
                meter("2024-03-04T09:00:00Z", 2010), PROFILE)).isEmpty();
    }

    @Test
    void aLateReadingBetweenTwoThatAlreadyCrossedATierDoesNotCrossItAgain() {
        Reading before = meter("2024-03-04T08:00:00Z", 999.5);
        Reading late = meter("2024-03-04T08:30:00Z", 1000.0);
        Reading after = meter("2024-03-04T09:00:00Z", 1000.2);
        assertThat(rules.serviceCrossingsOnInsert(before, late, after, PROFILE)).isEmpty();
    }

    @Test
    void aLateFirstReadingCrossesWhatTheNewPairCrosses() {
        Reading late = meter("2024-03-04T08:00:00Z", 999.5);
        Reading after = meter("2024-03-04T09:00:00Z", 1000.2);
        assertThat(describe(rules.serviceCrossingsOnInsert(null, late, after, PROFILE)))
                .containsExactly("SERVICE_DUE@1000/1000");
    }

    @Test
    void meterResetsAreReportedOncePerDrop() {
        Reading before = meter("2024-03-04T08:00:00Z", 5000);
        Reading after = meter("2024-03-04T09:00:00Z", 0.5);
        assertThat(MaintenanceRules.meterResets(before, after)).hasSize(1);
        assertThat(MaintenanceRules.meterResetsOnInsert(before, meter("2024-03-04T08:30:00Z", 0.2), after)).isEmpty();
    }

    @Test
    void fuelDropWithTheEngineOffAboveThresholdIsRaised() {
        Reading before = Telemetry.at("2024-03-04T18:00:00Z").running(false).fuel(80).tank(400).reading();
        Reading after = Telemetry.at("2024-03-05T05:00:00Z").running(false).fuel(70).reading();
        List<MaintenanceRules.FuelDrop> drops = rules.fuelDrops(before, after, PROFILE);
        assertThat(drops).hasSize(1);
        assertThat(drops.get(0).litres()).isEqualTo(40.0);
    }

    @Test
    void fuelDropsBelowThresholdOrWhileRunningAreNotRaised() {
        Reading off = Telemetry.at("2024-03-04T18:00:00Z").running(false).fuel(80).tank(400).reading();
        assertThat(rules.fuelDrops(off, Telemetry.at("2024-03-05T05:00:00Z").running(false).fuel(76).reading(), PROFILE)).isEmpty();
        Reading on = Telemetry.at("2024-03-04T18:00:00Z").running(true).fuel(80).tank(400).reading();
        assertThat(rules.fuelDrops(on, Telemetry.at("2024-03-05T05:00:00Z").running(true).fuel(60).reading(), PROFILE)).isEmpty();
    }

    @Test
    void fuelUsedWhileOffIsNetOut() {
        Reading before = Telemetry.at("2024-03-04T18:00:00Z").running(false).fuel(80).tank(400).fuelUsed(100).reading();
        Reading after = Telemetry.at("2024-03-05T05:00:00Z").running(false).fuel(70).fuelUsed(125).reading();
        assertThat(rules.fuelDrops(before, after, PROFILE)).isEmpty();
    }

    @Test
    void crossingsUseTheProfilesTiers() {
        EquipmentProfileSettings profile = new EquipmentProfileSettings(List.of(300), 0, null, 1, 20);
        assertThat(describe(rules.serviceCrossings(meter("2024-03-04T08:00:00Z", 299.9),
                meter("2024-03-04T09:00:00Z", 300.1), profile))).containsExactly("SERVICE_DUE@300/300");
    }
}
