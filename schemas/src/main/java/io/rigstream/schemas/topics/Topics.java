package io.rigstream.schemas.topics;

import io.rigstream.schemas.DowntimeEvent;
import io.rigstream.schemas.EquipmentAssignment;
import io.rigstream.schemas.EquipmentProfile;
import io.rigstream.schemas.EquipmentState;
import io.rigstream.schemas.EquipmentUsage;
import io.rigstream.schemas.JobUsageDaily;
import io.rigstream.schemas.JobUsagePeriod;
import io.rigstream.schemas.MaintenanceTrigger;
import io.rigstream.schemas.RejectedReading;
import io.rigstream.schemas.TelemetryReading;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The catalogue of rigstream's topics, in data-flow order. */
public final class Topics {

    private static final Optional<Duration> TWO_WEEKS = Optional.of(Duration.ofDays(14));
    private static final Optional<Duration> NINETY_DAYS = Optional.of(Duration.ofDays(90));

    /** Bridge output: every accepted reading. Retention covers the topology's lateness horizon with margin. */
    public static final TopicDescriptor<TelemetryReading> READINGS = new TopicDescriptor<>(
            "rigstream.telemetry.readings", TelemetryReading.class, false, TWO_WEEKS, "<tenant>/<equipmentId>");
    /** Dead letters from the bridge and the topology. */
    public static final TopicDescriptor<RejectedReading> REJECTED = new TopicDescriptor<>(
            "rigstream.telemetry.rejected", RejectedReading.class, false, NINETY_DAYS, "<tenant>/<equipmentId> or MQTT topic");
    /** Which equipment is on which job, when. */
    public static final TopicDescriptor<EquipmentAssignment> ASSIGNMENTS = new TopicDescriptor<>(
            "rigstream.assignments", EquipmentAssignment.class, true, Optional.empty(), "assignmentId");
    /** Service intervals, tank sizes, idle thresholds. */
    public static final TopicDescriptor<EquipmentProfile> PROFILES = new TopicDescriptor<>(
            "rigstream.equipment.profiles", EquipmentProfile.class, true, Optional.empty(), "<tenant>/<equipmentId>");
    /** Live hourly utilization for dashboards. */
    public static final TopicDescriptor<EquipmentUsage> USAGE_HOURLY = new TopicDescriptor<>(
            "rigstream.usage.hourly", EquipmentUsage.class, false, NINETY_DAYS, "<tenant>/<equipmentId>/<hour start>");
    /** Final daily utilization per equipment, with revisions. */
    public static final TopicDescriptor<EquipmentUsage> USAGE_DAILY = new TopicDescriptor<>(
            "rigstream.usage.daily", EquipmentUsage.class, true, Optional.empty(), "<tenant>/<equipmentId>/<day>");
    /** Billing figures per job, equipment and site-local day. */
    public static final TopicDescriptor<JobUsageDaily> JOB_USAGE_DAILY = new TopicDescriptor<>(
            "rigstream.job.usage.daily", JobUsageDaily.class, true, Optional.empty(), "<tenant>/<jobId>/<equipmentId>/<day>");
    /**
     * Billing figures per job, equipment and contract basis period (the day, the ISO week, or 28 days from the
     * contract start): compacted, so the latest revision of each period wins.
     */
    public static final TopicDescriptor<JobUsagePeriod> JOB_USAGE_PERIOD = new TopicDescriptor<>(
            "rigstream.job.usage.period", JobUsagePeriod.class, true, Optional.empty(),
            "<tenant>/<jobId>/<equipmentId>/<basis>/<periodStart>");
    /** Downtime and silence episodes. */
    public static final TopicDescriptor<DowntimeEvent> DOWNTIME = new TopicDescriptor<>(
            "rigstream.downtime.events", DowntimeEvent.class, false, NINETY_DAYS, "<tenant>/<equipmentId>");
    /** Maintenance triggers: service due, faults, fuel drops. */
    public static final TopicDescriptor<MaintenanceTrigger> MAINTENANCE = new TopicDescriptor<>(
            "rigstream.maintenance.triggers", MaintenanceTrigger.class, true, Optional.empty(), "triggerId");
    /** Latest state per equipment. */
    public static final TopicDescriptor<EquipmentState> EQUIPMENT_STATE = new TopicDescriptor<>(
            "rigstream.equipment.state", EquipmentState.class, true, Optional.empty(), "<tenant>/<equipmentId>");
    /** Records Odoo refused, with Odoo's message in headers; replayable once the cause is fixed. */
    public static final TopicDescriptor<RejectedReading> ODOO_REJECTED = new TopicDescriptor<>(
            "rigstream.odoo.rejected", RejectedReading.class, false, NINETY_DAYS, "source record key");

    public static final List<TopicDescriptor<?>> ALL = List.of(READINGS, REJECTED, ASSIGNMENTS, PROFILES,
            USAGE_HOURLY, USAGE_DAILY, JOB_USAGE_DAILY, JOB_USAGE_PERIOD, DOWNTIME, MAINTENANCE, EQUIPMENT_STATE, ODOO_REJECTED);

    private Topics() {
    }
}
