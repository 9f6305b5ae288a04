package io.rigstream.odoo.sink.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rigstream.odoo.sink.mapping.OdooRow;
import io.rigstream.odoo.sink.odoo.OdooApi;
import io.rigstream.odoo.sink.odoo.OdooCall;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RowLoaderTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNode OK = JSON.createObjectNode()
            .<ObjectNode>set("ids", JSON.createArrayNode().add(1))
            .set("messages", JSON.createArrayNode());

    private final List<OdooCall> calls = new ArrayList<>();
    private final RowLoader loader = new RowLoader(new OdooApi(call -> {
        calls.add(call);
        return OK;
    }));

    private static Entry entry(String model, Map<String, String> values) {
        return new Entry(new OdooRow(model, "rigstream.x", values, Optional.empty(), Optional.empty()), List.of(), null);
    }

    @Test
    void datetimesAreDeclaredUtcWhateverTheIntegrationUsersTimeZone() throws Exception {
        loader.load(List.of(entry("maintenance.request", Map.of("name", "x", "schedule_date", "2026-11-23 10:15:00"))), new LoadReport());

        assertThat(calls).singleElement().satisfies(call -> assertThat(call.context()).isEqualTo(Map.of("tz", "UTC")));
    }

    @Test
    void timesheetLinesAreLoadedWithoutMailTrackingButRequestsKeepTheirNotifications() throws Exception {
        loader.load(List.of(entry("account.analytic.line", Map.of("name", "x")), entry("maintenance.request", Map.of("name", "y"))),
                new LoadReport());

        assertThat(calls.get(0).context()).containsEntry("tracking_disable", true).containsEntry("mail_notrack", true)
                .containsEntry("tz", "UTC");
        assertThat(calls.get(1).context()).doesNotContainKey("tracking_disable");
    }

    @Test
    void rowsWithDifferentColumnsGoInSeparateLoads() throws Exception {
        LoadReport report = new LoadReport();
        loader.load(List.of(entry("maintenance.request", Map.of("name", "open")),
                entry("maintenance.request", Map.of("name", "closed", "stage_id/.id", "3"))), report);

        assertThat(calls).hasSize(2);
        assertThat(report.written).hasSize(2);
    }
}
