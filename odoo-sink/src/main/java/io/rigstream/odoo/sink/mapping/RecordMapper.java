package io.rigstream.odoo.sink.mapping;

import io.rigstream.odoo.sink.config.MappingSettings;
import io.rigstream.schemas.DowntimeEvent;
import io.rigstream.schemas.JobUsageDaily;
import io.rigstream.schemas.MaintenanceTrigger;
import org.apache.avro.specific.SpecificRecord;

/** Routes a decoded record to its mapper by type. Pure: no I/O, no clock. */
public final class RecordMapper {

    private final UsageLineMapper usage;
    private final MaintenanceRequestMapper maintenance;

    public RecordMapper(MappingSettings settings) {
        ExternalIds ids = new ExternalIds(settings.module());
        this.usage = new UsageLineMapper(ids, settings);
        this.maintenance = new MaintenanceRequestMapper(ids, settings);
    }

    public Mapped map(SpecificRecord value) {
        if (value instanceof JobUsageDaily daily) {
            return usage.map(daily);
        }
        if (value instanceof MaintenanceTrigger trigger) {
            return maintenance.map(trigger);
        }
        if (value instanceof DowntimeEvent downtime) {
            return maintenance.map(downtime);
        }
        return new Mapped.Reject("UNEXPECTED_TYPE", "the sink has no mapping for " + value.getSchema().getFullName());
    }
}
