package io.rigstream.odoo.sink.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import io.rigstream.odoo.sink.Fixtures;
import io.rigstream.odoo.sink.config.MappingSettings;
import io.rigstream.schemas.JobUsageDaily;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UsageLineMapperTest {

    private final JobUsageDaily usage = Fixtures.read(JobUsageDaily.class, "job-usage-daily.json");

    private static UsageLineMapper mapper(Map<String, String> config) {
        MappingSettings settings = Fixtures.config(config).mapping();
        return new UsageLineMapper(new ExternalIds(settings.module()), settings);
    }

    @Test
    void aDayOfUsageBecomesOneTimesheetLineOfBillableHoursWithAReadableName() {
        OdooRow row = ((Mapped.Row) mapper(Map.of()).map(usage)).row();

        assertThat(row.model()).isEqualTo("account.analytic.line");
        assertThat(row.externalId()).isEqualTo("rigstream.usage_J-1001_EX-0042_20261123");
        assertThat(row.values()).containsExactly(
                Map.entry("name", "EX-0042 2026-11-23: engine 9.5 h, idle 1.2 h, overtime 1.5 h, fuel 54 L"),
                Map.entry("date", "2026-11-23"),
                Map.entry("unit_amount", "9.5"));
        assertThat(row.jobId()).contains("J-1001");
        assertThat(row.equipmentSerial()).isEmpty();
    }

    @Test
    void aRevisionOfTheSameDayKeepsTheExternalIdSoItUpdatesTheLine() {
        JobUsageDaily revised = JobUsageDaily.newBuilder(usage).setRevision(2).setBillableHours(10.25).build();

        OdooRow first = ((Mapped.Row) mapper(Map.of()).map(usage)).row();
        OdooRow second = ((Mapped.Row) mapper(Map.of()).map(revised)).row();

        assertThat(second.externalId()).isEqualTo(first.externalId());
        assertThat(second.values()).containsEntry("unit_amount", "10.25");
    }

    @Test
    void theConfiguredEmployeeIsPutOnTheLine() {
        OdooRow row = ((Mapped.Row) mapper(Map.of("odoo.timesheet.employee-id", "7")).map(usage)).row();

        assertThat(row.values()).containsEntry("employee_id/.id", "7");
    }

    @Test
    void usageWithoutAJobIsRejected() {
        assertThat(mapper(Map.of()).map(JobUsageDaily.newBuilder(usage).setJobId(" ").build())).isInstanceOf(Mapped.Reject.class);
    }
}
