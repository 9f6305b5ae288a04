package io.rigstream.odoo.sink.mapping;

import io.rigstream.odoo.sink.config.MappingSettings;
import io.rigstream.schemas.JobUsageDaily;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Daily job usage to a timesheet line ({@code account.analytic.line}) on the job's project: one line per job x
 * equipment x day, {@code unit_amount} = billable hours, a name a person reads on the invoice. A revision of the day
 * has the same external id, so it updates the line.
 */
public final class UsageLineMapper {

    public static final String MODEL = "account.analytic.line";

    private final ExternalIds ids;
    private final MappingSettings settings;

    public UsageLineMapper(ExternalIds ids, MappingSettings settings) {
        this.ids = ids;
        this.settings = settings;
    }

    public Mapped map(JobUsageDaily usage) {
        if (usage.getJobId().isBlank() || usage.getEquipmentId().isBlank()) {
            return new Mapped.Reject("MISSING_KEY", "job usage without a job or equipment id cannot be billed");
        }
        Map<String, String> values = new LinkedHashMap<>();
        values.put("name", name(usage));
        values.put("date", usage.getDay().toString());
        values.put("unit_amount", Text.number(usage.getBillableHours(), 2));
        settings.employeeId().ifPresent(employee -> values.put("employee_id/.id", Integer.toString(employee)));
        return new Mapped.Row(new OdooRow(MODEL, ids.usage(usage.getJobId(), usage.getEquipmentId(), usage.getDay()),
                values, Optional.empty(), Optional.of(usage.getJobId())));
    }

    /** "EX-0042 2026-11-23: engine 9.5 h, idle 1.2 h, overtime 1.5 h, fuel 54 L". */
    static String name(JobUsageDaily usage) {
        return usage.getEquipmentId() + " " + usage.getDay() + ": engine " + Text.number(usage.getEngineHours(), 1)
                + " h, idle " + Text.number(usage.getIdleHours(), 1) + " h, overtime " + Text.number(usage.getOvertimeHours(), 1)
                + " h, fuel " + Text.number(usage.getFuelLitres(), 0) + " L";
    }
}
