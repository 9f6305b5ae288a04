package io.rigstream.topology.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.rigstream.topology.model.EquipmentProfileSettings;
import io.rigstream.topology.model.Reading;
import io.rigstream.topology.rules.MaintenanceRules.ServiceCrossing;
import io.rigstream.topology.testing.R;
import java.util.List;
import org.junit.jupiter.api.Test;

class MaintenanceRulesTest {

    private static final EquipmentProfileSettings PROFILE = EquipmentProfileSettings.DEFAULT;
    private final MaintenanceRules rules = new MaintenanceRules(new UsageSettings(15 * 60_000, 6 * 60_000, 120), 5.0);

    private static Reading meter(String at, double hours) {
        return R.at(at).meter(hours).build();
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
        Reading before = R.at("2024-03-04T18:00:00Z").running(false).fuel(80).tank(400).build();
        Reading after = R.at("2024-03-05T05:00:00Z").running(false).fuel(70).build();
        List<MaintenanceRules.FuelDrop> drops = rules.fuelDrops(before, after, PROFILE);
        assertThat(drops).hasSize(1);
        assertThat(drops.get(0).litres()).isEqualTo(40.0);
    }

    @Test
    void fuelDropsBelowThresholdOrWhileRunningAreNotRaised() {
        Reading off = R.at("2024-03-04T18:00:00Z").running(false).fuel(80).tank(400).build();
        assertThat(rules.fuelDrops(off, R.at("2024-03-05T05:00:00Z").running(false).fuel(76).build(), PROFILE)).isEmpty();
        Reading on = R.at("2024-03-04T18:00:00Z").running(true).fuel(80).tank(400).build();
        assertThat(rules.fuelDrops(on, R.at("2024-03-05T05:00:00Z").running(true).fuel(60).build(), PROFILE)).isEmpty();
    }

    @Test
    void fuelUsedWhileOffIsNetOut() {
        Reading before = R.at("2024-03-04T18:00:00Z").running(false).fuel(80).tank(400).fuelUsed(100).build();
        Reading after = R.at("2024-03-05T05:00:00Z").running(false).fuel(70).fuelUsed(125).build();
        assertThat(rules.fuelDrops(before, after, PROFILE)).isEmpty();
    }

    @Test
    void crossingsUseTheProfilesTiers() {
        EquipmentProfileSettings profile = new EquipmentProfileSettings(List.of(300), 0, null, 1, 20);
        assertThat(describe(rules.serviceCrossings(meter("2024-03-04T08:00:00Z", 299.9),
                meter("2024-03-04T09:00:00Z", 300.1), profile))).containsExactly("SERVICE_DUE@300/300");
    }
}
