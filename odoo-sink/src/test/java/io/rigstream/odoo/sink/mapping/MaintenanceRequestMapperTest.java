package io.rigstream.odoo.sink.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import io.rigstream.odoo.sink.Fixtures;
import io.rigstream.odoo.sink.config.MappingSettings;
import io.rigstream.schemas.DowntimeEvent;
import io.rigstream.schemas.MaintenanceTrigger;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MaintenanceRequestMapperTest {

    private final MappingSettings settings = Fixtures.config(Map.of()).mapping();
    private final MaintenanceRequestMapper mapper = new MaintenanceRequestMapper(new ExternalIds("rigstream"), settings);

    private OdooRow trigger(String fixture) {
        return ((Mapped.Row) mapper.map(Fixtures.read(MaintenanceTrigger.class, fixture))).row();
    }

    private OdooRow downtime(String fixture) {
        return ((Mapped.Row) mapper.map(Fixtures.read(DowntimeEvent.class, fixture))).row();
    }

    @Test
    void serviceDueIsAPreventiveRequestWithTheHourMeterAsEvidence() {
        OdooRow row = trigger("trigger-service-due.json");

        assertThat(row.model()).isEqualTo("maintenance.request");
        assertThat(row.externalId()).isEqualTo("rigstream.trigger_acme-EX-0042-service-500");
        assertThat(row.values()).containsEntry("name", "Service due: 500 h (EX-0042)")
                .containsEntry("maintenance_type", "preventive")
                .containsEntry("priority", "2")
                .containsEntry("request_date", "2026-11-23")
                .containsEntry("schedule_date", "2026-11-23 10:15:00")
                .doesNotContainKey("stage_id/.id");
        assertThat(row.values().get("description")).isEqualTo("<p>500 h service interval reached</p><ul>"
                + "<li>hour meter 500.2 h</li><li>device time 2026-11-23 10:15:00 UTC</li><li>job J-1001</li></ul>");
        assertThat(row.equipmentSerial()).contains("EX-0042");
    }

    @Test
    void aFaultIsCorrectiveWithItsCodeAndLampAndACriticalOneIsHighPriority() {
        OdooRow row = trigger("trigger-fault.json");

        assertThat(row.values()).containsEntry("name", "Fault SPN 110 FMI 0 (EX-0042)")
                .containsEntry("maintenance_type", "corrective").containsEntry("priority", "3");
        assertThat(row.values().get("description")).contains("fault SPN 110 FMI 0, lamp RED, 3 occurrences");
    }

    @Test
    void aClearedFaultUpdatesTheSameRequestAndMovesItToTheClosedStage() {
        OdooRow opened = trigger("trigger-fault.json");
        OdooRow cleared = trigger("trigger-fault-cleared.json");

        assertThat(cleared.externalId()).isEqualTo(opened.externalId());
        assertThat(cleared.values()).containsEntry("stage_id/.id", "3");
        assertThat(cleared.values().get("description")).contains("cleared at 2026-11-23 13:45:00 UTC");
    }

    @Test
    void aFuelDropIsCorrectiveWithTheLitres() {
        assertThat(trigger("trigger-fuel-drop.json").values()).containsEntry("name", "Fuel drop 54 L (EX-0042)")
                .containsEntry("maintenance_type", "corrective").containsEntry("priority", "3");
    }

    @Test
    void downtimeStartAndEndAreOneRequestClosedWhenTheMachineRunsAgain() {
        OdooRow started = downtime("downtime-started.json");
        OdooRow ended = downtime("downtime-ended.json");

        assertThat(started.externalId()).isEqualTo(ended.externalId()).isEqualTo("rigstream.downtime_acme-EX-0042-down-1795428900000");
        assertThat(started.values()).containsEntry("maintenance_type", "corrective").containsEntry("priority", "3")
                .doesNotContainKey("stage_id/.id");
        assertThat(ended.values()).containsEntry("stage_id/.id", "3");
        assertThat(ended.values().get("description")).contains("after 3.5 h");
    }

    @Test
    void silenceEpisodesAndMeterResetsAreNotMaintenanceWork() {
        assertThat(mapper.map(Fixtures.read(DowntimeEvent.class, "silence-started.json"))).isInstanceOf(Mapped.Skip.class);
        assertThat(mapper.map(Fixtures.read(MaintenanceTrigger.class, "trigger-meter-reset.json"))).isInstanceOf(Mapped.Skip.class);
    }

    @Test
    void evidenceIsEscapedForOdoosHtmlField() {
        MaintenanceTrigger trigger = MaintenanceTrigger.newBuilder(Fixtures.read(MaintenanceTrigger.class, "trigger-service-due.json"))
                .setDetail("<script>alert(1)</script> & more").build();

        assertThat(((Mapped.Row) mapper.map(trigger)).row().values().get("description"))
                .startsWith("<p>&lt;script&gt;alert(1)&lt;/script&gt; &amp; more</p>");
    }
}
