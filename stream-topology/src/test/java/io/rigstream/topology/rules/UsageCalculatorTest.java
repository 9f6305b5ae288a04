package io.rigstream.topology.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.rigstream.topology.model.EquipmentProfileSettings;
import io.rigstream.topology.testing.Telemetry;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class UsageCalculatorTest {

    private static final long MIN = 60_000;
    private final UsageCalculator calculator = new UsageCalculator(new UsageSettings(15 * MIN, 6 * MIN, 120));

    private static long t(String instant) {
        return Instant.parse(instant).toEpochMilli();
    }

    @Test
    void anIntervalAcrossAnHourBoundaryIsSplitInProportionToTime() {
        ReadingSeries series = new ReadingSeries(List.of(
                Telemetry.at("2024-03-04T08:50:00Z").running(true).reading(),
                Telemetry.at("2024-03-04T09:02:00Z").running(true).reading()));
        EquipmentProfileSettings p = EquipmentProfileSettings.DEFAULT;
        assertThat(calculator.over(series, t("2024-03-04T08:00:00Z"), t("2024-03-04T09:00:00Z"), p).engineMs())
                .isEqualTo(10 * MIN);
        assertThat(calculator.over(series, t("2024-03-04T09:00:00Z"), t("2024-03-04T10:00:00Z"), p).engineMs())
                .isEqualTo(2 * MIN);
    }

    @Test
    void anEngineStateCarriesAcrossReadingsThatDoNotReportItButNoLongerThanTheMaximumGap() {
        ReadingSeries series = new ReadingSeries(List.of(
                Telemetry.at("2024-03-04T08:00:00Z").running(true).reading(),
                Telemetry.at("2024-03-04T08:10:00Z").position(52, 13).reading(),
                Telemetry.at("2024-03-04T08:20:00Z").position(52, 13).reading(),
                Telemetry.at("2024-03-04T08:30:00Z").position(52, 13).reading()));
        Usage usage = calculator.over(series, t("2024-03-04T08:00:00Z"), t("2024-03-04T09:00:00Z"),
                EquipmentProfileSettings.DEFAULT);
        // 08:00 and 08:10 are within 15 min of the report; the state reported at 08:00 is stale at 08:20
        assertThat(usage.engineMs()).isEqualTo(20 * MIN);
        assertThat(usage.unknownMs()).isEqualTo(10 * MIN);
    }

    @Test
    void aWindowSeesTheStateCarriedFromBeforeItStarts() {
        ReadingSeries series = new ReadingSeries(List.of(
                Telemetry.at("2024-03-04T08:55:00Z").running(true).reading(),
                Telemetry.at("2024-03-04T08:58:00Z").position(52, 13).reading(),
                Telemetry.at("2024-03-04T09:05:00Z").position(52, 13).reading()));
        Usage usage = calculator.over(series, t("2024-03-04T09:00:00Z"), t("2024-03-04T10:00:00Z"),
                EquipmentProfileSettings.DEFAULT);
        assertThat(usage.engineMs()).isEqualTo(5 * MIN);
    }

    @Test
    void hourlyWindowsAddUpToTheDay() {
        ReadingSeries series = new ReadingSeries(List.of(
                Telemetry.at("2024-03-04T06:00:00Z").meter(10.0).reading(),
                Telemetry.at("2024-03-04T07:13:00Z").meter(10.7).reading(),
                Telemetry.at("2024-03-04T11:41:00Z").meter(13.3).reading(),
                Telemetry.at("2024-03-05T01:00:00Z").meter(14.0).reading()));
        EquipmentProfileSettings p = EquipmentProfileSettings.DEFAULT;
        long day = calculator.over(series, t("2024-03-04T00:00:00Z"), t("2024-03-05T00:00:00Z"), p).engineMs();
        long hours = 0;
        for (long h = t("2024-03-04T00:00:00Z"); h < t("2024-03-05T00:00:00Z"); h += 60 * MIN) {
            hours += calculator.over(series, h, h + 60 * MIN, p).engineMs();
        }
        assertThat(hours).isEqualTo(day);
        // 0.7 h and 2.6 h inside the day; the overnight 0.7 h spreads over 11:41-01:00 (799 min), 739 min of it today
        assertThat(day).isEqualTo(2_520_000L + 9_360_000L + 2_520_000L * 739 / 799);
    }

    @Test
    void noReadingsOrOneReadingIsNoUsage() {
        EquipmentProfileSettings p = EquipmentProfileSettings.DEFAULT;
        assertThat(calculator.over(new ReadingSeries(List.of()), 0, 1, p)).isEqualTo(Usage.NONE);
        assertThat(calculator.over(new ReadingSeries(List.of(Telemetry.at(5).running(true).reading())), 0, 10, p))
                .isEqualTo(Usage.NONE);
    }
}
