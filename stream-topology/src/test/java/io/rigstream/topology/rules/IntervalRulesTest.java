package io.rigstream.topology.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.rigstream.topology.model.EquipmentProfileSettings;
import io.rigstream.topology.model.Reading;
import io.rigstream.topology.testing.Telemetry;
import java.util.List;
import org.junit.jupiter.api.Test;

class IntervalRulesTest {

    private static final long MIN = 60_000;
    private static final long HOUR = 3_600_000;
    private static final EquipmentProfileSettings PROFILE = EquipmentProfileSettings.DEFAULT;
    private final IntervalRules rules = new IntervalRules(new UsageSettings(15 * MIN, 6 * MIN, 120));

    @Test
    void hourMeterIncreaseIsEngineTimeEvenWhenTheEngineFlagSaysOtherwise() {
        Reading a = Telemetry.at("2024-03-04T08:00:00Z").meter(100.0).running(false).reading();
        Reading b = Telemetry.at("2024-03-04T09:00:00Z").meter(100.5).reading();
        Usage usage = rules.between(a, b, false, PROFILE);
        assertThat(usage.engineMs()).isEqualTo(30 * MIN);
        assertThat(usage.unknownMs()).isZero();
        assertThat(usage.flags()).isEmpty();
    }

    @Test
    void aMeterGapLongerThanTheMaximumIsStillKnownFromTheMeter() {
        Reading a = Telemetry.at("2024-03-04T06:00:00Z").meter(100.0).reading();
        Reading b = Telemetry.at("2024-03-04T18:00:00Z").meter(103.0).reading();
        assertThat(rules.between(a, b, null, PROFILE).engineMs()).isEqualTo(3 * HOUR);
    }

    @Test
    void aMeterThatGoesDownCountsNothingNegativeAndIsFlagged() {
        Reading a = Telemetry.at("2024-03-04T08:00:00Z").meter(5000.0).running(true).reading();
        Reading b = Telemetry.at("2024-03-04T08:10:00Z").meter(0.2).reading();
        Usage usage = rules.between(a, b, true, PROFILE);
        assertThat(usage.flags()).containsExactly(UsageFlag.METER_RESET);
        // the reset interval falls back on the engine state: running for the ten minutes
        assertThat(usage.engineMs()).isEqualTo(10 * MIN);
    }

    @Test
    void anIncreaseFasterThanTimeIsCappedAndFlagged() {
        Reading a = Telemetry.at("2024-03-04T08:00:00Z").meter(100.0).reading();
        Reading b = Telemetry.at("2024-03-04T09:00:00Z").meter(150.0).reading();
        Usage usage = rules.between(a, b, null, PROFILE);
        assertThat(usage.engineMs()).isEqualTo(HOUR);
        assertThat(usage.flags()).containsExactly(UsageFlag.IMPLAUSIBLE_INCREASE);
    }

    @Test
    void aMeterTickingInTenthsMayRunSlightlyAheadOfOneShortInterval() {
        Reading a = Telemetry.at("2024-03-04T08:00:00Z").meter(100.0).reading();
        Reading b = Telemetry.at("2024-03-04T08:01:00Z").meter(100.1).reading();
        Usage usage = rules.between(a, b, null, PROFILE);
        assertThat(usage.engineMs()).isEqualTo(6 * MIN);
        assertThat(usage.flags()).isEmpty();
    }

    @Test
    void withoutAMeterRunningTimeComesFromTheEngineState() {
        Reading a = Telemetry.at("2024-03-04T08:00:00Z").running(true).reading();
        Reading b = Telemetry.at("2024-03-04T08:10:00Z").running(false).reading();
        assertThat(rules.between(a, b, true, PROFILE).engineMs()).isEqualTo(10 * MIN);
        assertThat(rules.between(a, b, false, PROFILE).engineMs()).isZero();
    }

    @Test
    void aSilentGapLongerThanTheMaximumIsUnknownNotRunning() {
        Reading a = Telemetry.at("2024-03-04T08:00:00Z").running(true).reading();
        Reading b = Telemetry.at("2024-03-04T08:16:00Z").running(true).reading();
        Usage usage = rules.between(a, b, true, PROFILE);
        assertThat(usage.engineMs()).isZero();
        assertThat(usage.unknownMs()).isEqualTo(16 * MIN);
    }

    @Test
    void anUnknownEngineStateIsUnknownTime() {
        Reading a = Telemetry.at("2024-03-04T08:00:00Z").position(52.0, 13.0).reading();
        Reading b = Telemetry.at("2024-03-04T08:05:00Z").position(52.0, 13.0).reading();
        assertThat(rules.between(a, b, null, PROFILE).unknownMs()).isEqualTo(5 * MIN);
    }

    @Test
    void idleIsRunningWhileSlowAndLightlyLoaded() {
        Reading idle = Telemetry.at("2024-03-04T08:00:00Z").running(true).speed(0.5).load(20.0).reading();
        Reading moving = Telemetry.at("2024-03-04T08:00:00Z").running(true).speed(5).load(10.0).reading();
        Reading digging = Telemetry.at("2024-03-04T08:00:00Z").running(true).speed(0).load(65.0).reading();
        Reading b = Telemetry.at("2024-03-04T08:10:00Z").running(true).reading();
        assertThat(rules.between(idle, b, true, PROFILE).idleMs()).isEqualTo(10 * MIN);
        assertThat(rules.between(moving, b, true, PROFILE).idleMs()).isZero();
        assertThat(rules.between(digging, b, true, PROFILE).idleMs()).isZero();
    }

    @Test
    void idleJudgesOnWhatWasSentButNeedsSomeEvidence() {
        Reading loadOnly = Telemetry.at("2024-03-04T08:00:00Z").running(true).load(5.0).reading();
        Reading nothing = Telemetry.at("2024-03-04T08:00:00Z").running(true).reading();
        Reading b = Telemetry.at("2024-03-04T08:10:00Z").running(true).reading();
        assertThat(rules.between(loadOnly, b, true, PROFILE).idleMs()).isEqualTo(10 * MIN);
        assertThat(rules.between(nothing, b, true, PROFILE).idleMs()).isZero();
    }

    @Test
    void theIdleCounterWinsOverTheConditionWhenBothMetersAreSent() {
        Reading a = Telemetry.at("2024-03-04T08:00:00Z").meter(100.0).idleMeter(40.0).speed(10).reading();
        Reading b = Telemetry.at("2024-03-04T09:00:00Z").meter(101.0).idleMeter(40.25).reading();
        Usage usage = rules.between(a, b, null, PROFILE);
        assertThat(usage.engineMs()).isEqualTo(HOUR);
        assertThat(usage.idleMs()).isEqualTo(15 * MIN);
        assertThat(usage.workingMs()).isEqualTo(45 * MIN);
    }

    @Test
    void fuelComesFromTheCounterWhenSent() {
        Reading a = Telemetry.at("2024-03-04T08:00:00Z").running(true).fuelUsed(1000.0).fuel(80).tank(200).reading();
        Reading b = Telemetry.at("2024-03-04T08:10:00Z").running(true).fuelUsed(1003.5).fuel(10).reading();
        assertThat(rules.between(a, b, true, PROFILE).fuelMl()).isEqualTo(3_500);
    }

    @Test
    void withoutACounterFuelIsTheLevelDropWhileRunningAndRefuelsDoNotCount() {
        Reading a = Telemetry.at("2024-03-04T08:00:00Z").running(true).fuel(50.0).tank(200).reading();
        Reading b = Telemetry.at("2024-03-04T08:10:00Z").running(true).fuel(49.0).reading();
        Reading refuelled = Telemetry.at("2024-03-04T08:20:00Z").running(true).fuel(95.0).reading();
        assertThat(rules.between(a, b, true, PROFILE).fuelMl()).isEqualTo(2_000);
        assertThat(rules.between(b, refuelled, true, PROFILE).fuelMl()).isZero();
    }

    @Test
    void aLevelDropWithTheEngineOffIsNotConsumption() {
        Reading a = Telemetry.at("2024-03-04T08:00:00Z").running(false).fuel(50.0).tank(200).reading();
        Reading b = Telemetry.at("2024-03-04T08:10:00Z").running(false).fuel(40.0).reading();
        assertThat(rules.between(a, b, false, PROFILE).fuelMl()).isZero();
    }

    @Test
    void theTankSizeMayComeFromTheProfile() {
        EquipmentProfileSettings profile = new EquipmentProfileSettings(List.of(250), 25, 400.0, 1, 20);
        Reading a = Telemetry.at("2024-03-04T08:00:00Z").running(true).fuel(50.0).reading();
        Reading b = Telemetry.at("2024-03-04T08:10:00Z").running(true).fuel(49.0).reading();
        assertThat(rules.between(a, b, true, profile).fuelMl()).isEqualTo(4_000);
    }

    @Test
    void distanceComesFromTheOdometerWhenSent() {
        Reading a = Telemetry.at("2024-03-04T08:00:00Z").odometer(1200.0).position(52.0, 13.0).reading();
        Reading b = Telemetry.at("2024-03-04T08:10:00Z").odometer(1201.25).position(52.0, 13.0).reading();
        assertThat(rules.between(a, b, null, PROFILE).distanceM()).isEqualTo(1_250);
    }

    @Test
    void withoutAnOdometerDistanceComesFromGpsFixes() {
        // 0.01 degree of latitude is 1.112 km on the mean sphere
        Reading a = Telemetry.at("2024-03-04T08:00:00Z").position(52.00, 13.0).reading();
        Reading b = Telemetry.at("2024-03-04T08:10:00Z").position(52.01, 13.0).reading();
        assertThat(rules.between(a, b, null, PROFILE).distanceM()).isEqualTo(1_112);
    }

    @Test
    void aGpsJumpFasterThan120KmhIsDiscardedAndFlagged() {
        // 1.112 km in 30 s is 133 km/h
        Reading a = Telemetry.at("2024-03-04T08:00:00Z").position(52.00, 13.0).reading();
        Reading b = Telemetry.at("2024-03-04T08:00:30Z").position(52.01, 13.0).reading();
        Usage usage = rules.between(a, b, null, PROFILE);
        assertThat(usage.distanceM()).isZero();
        assertThat(usage.flags()).containsExactly(UsageFlag.GPS_JUMP);
    }
}
