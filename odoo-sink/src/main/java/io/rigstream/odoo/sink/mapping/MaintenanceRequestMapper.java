package io.rigstream.odoo.sink.mapping;

import io.rigstream.odoo.sink.config.MappingSettings;
import io.rigstream.schemas.DowntimeEvent;
import io.rigstream.schemas.Fault;
import io.rigstream.schemas.MaintenanceTrigger;
import io.rigstream.schemas.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Maintenance triggers and downtime starts to {@code maintenance.request}: preventive for service, corrective for
 * faults, fuel drops and downtime; priority from severity; a description with the evidence; the schedule date.
 * A cleared fault or an ended downtime carries the same external id as its opening and moves the request to the
 * configured stage. Opening rows leave the stage alone, so a replay never pulls a request a technician has moved
 * back to "New".
 */
public final class MaintenanceRequestMapper {

    public static final String MODEL = "maintenance.request";
    static final String STAGE_COLUMN = "stage_id/.id";

    private final ExternalIds ids;
    private final MappingSettings settings;

    public MaintenanceRequestMapper(ExternalIds ids, MappingSettings settings) {
        this.ids = ids;
        this.settings = settings;
    }

    public Mapped map(MaintenanceTrigger trigger) {
        String equipment = trigger.getEquipmentId();
        Fault fault = trigger.getFault();
        String tier = trigger.getServiceTierHours() == null ? "" : ": " + trigger.getServiceTierHours() + " h";
        String faultCode = fault == null ? "" : " SPN " + fault.getSpn() + " FMI " + fault.getFmi();
        return switch (trigger.getKind()) {
            case SERVICE_DUE -> request(trigger, "Service due" + tier, "preventive", false);
            case SERVICE_DUE_SOON -> request(trigger, "Service due soon" + tier, "preventive", false);
            case FAULT -> fault == null ? missing("FAULT", equipment) : request(trigger, "Fault" + faultCode, "corrective", false);
            case FAULT_CLEARED -> fault == null ? missing("FAULT_CLEARED", equipment) : request(trigger, "Fault" + faultCode, "corrective", true);
            case FUEL_DROP -> request(trigger, "Fuel drop" + (trigger.getFuelDropLitres() == null ? ""
                    : " " + Text.number(trigger.getFuelDropLitres(), 0) + " L"), "corrective", false);
            case METER_RESET -> new Mapped.Skip("a meter reset is a data event, not maintenance work");
        };
    }

    public Mapped map(DowntimeEvent event) {
        return switch (event.getKind()) {
            case DOWNTIME_STARTED -> downtime(event, false);
            case DOWNTIME_ENDED -> downtime(event, true);
            case NO_REPORT, REPORTING_RESUMED -> new Mapped.Skip("a silence episode is not maintenance work");
        };
    }

    private Mapped request(MaintenanceTrigger trigger, String title, String type, boolean closes) {
        List<String> evidence = new ArrayList<>();
        if (trigger.getHourMeter() != null) {
            evidence.add("hour meter " + Text.number(trigger.getHourMeter(), 1) + " h");
        }
        if (trigger.getFault() != null) {
            evidence.add(describe(trigger.getFault()) + (closes ? ", cleared" : ""));
        }
        if (trigger.getFuelDropLitres() != null) {
            evidence.add("unexplained fuel drop " + Text.number(trigger.getFuelDropLitres(), 1) + " L");
        }
        evidence.add((closes ? "cleared at " : "device time ") + Text.datetime(trigger.getDeviceTs()) + " UTC");
        if (trigger.getJobId() != null) {
            evidence.add("job " + trigger.getJobId());
        }
        return row(ids.trigger(trigger.getTriggerId()), title + " (" + trigger.getEquipmentId() + ")", type,
                priority(trigger.getSeverity()), trigger.getDetail(), evidence, trigger.getDeviceTs(), trigger.getEquipmentId(), closes);
    }

    private Mapped downtime(DowntimeEvent event, boolean closes) {
        List<String> evidence = new ArrayList<>();
        evidence.add("down since " + Text.datetime(event.getStartTs()) + " UTC");
        if (closes && event.getEndTs() != null) {
            Duration down = Duration.between(event.getStartTs(), event.getEndTs());
            evidence.add("running again at " + Text.datetime(event.getEndTs()) + " UTC, after "
                    + Text.number(down.toSeconds() / 3600.0, 1) + " h");
        }
        event.getFaults().forEach(fault -> evidence.add(describe(fault)));
        if (event.getJobId() != null) {
            evidence.add("job " + event.getJobId());
        }
        return row(ids.downtime(event.getEventId()), "Downtime (" + event.getEquipmentId() + ")", "corrective", "3",
                "Machine down" + (closes ? ", now running again" : ""), evidence, event.getStartTs(), event.getEquipmentId(), closes);
    }

    private Mapped row(String externalId, String name, String type, String priority, String summary, List<String> evidence,
            Instant at, String equipment, boolean closes) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("name", name);
        values.put("maintenance_type", type);
        values.put("priority", priority);
        values.put("description", description(summary, evidence));
        values.put("request_date", Text.date(at));
        values.put("schedule_date", Text.datetime(at));
        if (closes) {
            values.put(STAGE_COLUMN, Integer.toString(settings.closedStageId()));
        }
        return new Mapped.Row(new OdooRow(MODEL, externalId, values, Optional.of(equipment), Optional.empty()));
    }

    private static String description(String summary, List<String> evidence) {
        StringBuilder html = new StringBuilder("<p>").append(Text.html(summary)).append("</p><ul>");
        evidence.forEach(line -> html.append("<li>").append(Text.html(line)).append("</li>"));
        return html.append("</ul>").toString();
    }

    private static String describe(Fault fault) {
        return "fault SPN " + fault.getSpn() + " FMI " + fault.getFmi() + ", lamp " + fault.getLamp()
                + (fault.getOccurrenceCount() == null ? "" : ", " + fault.getOccurrenceCount() + " occurrences");
    }

    /** Odoo's priorities are '0' Very Low to '3' High; severities map from Low up. */
    static String priority(Severity severity) {
        return switch (severity) {
            case LOW -> "1";
            case NORMAL -> "2";
            case HIGH, CRITICAL -> "3";
        };
    }

    private static Mapped missing(String kind, String equipment) {
        return new Mapped.Reject("MISSING_FIELD", kind + " trigger for " + equipment + " has no fault code");
    }
}
