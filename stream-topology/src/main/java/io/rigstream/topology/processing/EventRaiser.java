package io.rigstream.topology.processing;

import io.rigstream.schemas.DowntimeKind;
import io.rigstream.schemas.MaintenanceTrigger;
import io.rigstream.schemas.Severity;
import io.rigstream.schemas.TriggerKind;
import io.rigstream.schemas.topics.Topics;
import io.rigstream.topology.TopologyConfig;
import io.rigstream.topology.model.AssignmentHistory;
import io.rigstream.topology.model.AssignmentInterval;
import io.rigstream.topology.model.EquipmentProfileSettings;
import io.rigstream.topology.model.FaultCode;
import io.rigstream.topology.model.FaultReport;
import io.rigstream.topology.model.Reading;
import io.rigstream.topology.rules.FaultRules;
import io.rigstream.topology.rules.MaintenanceRules;
import io.rigstream.topology.state.EquipmentStatus;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Rule 8 and the downtime events of rule 6, raised when a reading is stored. Each event belongs to a pair of
 * consecutive readings (or fault reports), so a reading is judged against its stored neighbours, whenever it arrives.
 */
final class EventRaiser {

    private final EquipmentStores stores;
    private final Emitter out;
    private final MaintenanceRules maintenance;

    EventRaiser(TopologyConfig config, EquipmentStores stores, Emitter out) {
        this.stores = stores;
        this.out = out;
        this.maintenance = new MaintenanceRules(config.usageSettings(), config.fuelDropThresholdPct());
    }

    void onInsert(String equipment, Reading reading, ReadingNeighbours neighbours, Optional<FaultReport> report,
            AssignmentHistory history, EquipmentProfileSettings profile, EquipmentStatus status) {
        if (reading.hourMeter() != null) {
            maintenance.serviceCrossingsOnInsert(neighbours.meterBefore(), reading, neighbours.meterAfter(), profile)
                    .forEach(c -> serviceDue(equipment, c, history));
            MaintenanceRules.meterResetsOnInsert(neighbours.meterBefore(), reading, neighbours.meterAfter())
                    .forEach(r -> meterReset(equipment, r, history));
        }
        if (reading.fuelPct() != null) {
            maintenance.fuelDropsOnInsert(neighbours.fuelBefore(), reading, neighbours.fuelAfter(), profile)
                    .forEach(d -> fuelDrop(equipment, d, history));
        }
        report.ifPresent(r -> {
            FaultReport before = stores.faults.before(equipment, r.deviceTs()).orElse(null);
            FaultReport after = stores.faults.after(equipment, r.deviceTs()).orElse(null);
            FaultRules.faultChangesOnInsert(before, r, after).forEach(c -> fault(equipment, c, history, status));
            FaultRules.downtimeChangesOnInsert(before, r, after).forEach(c -> downtime(equipment, c, history, status));
        });
    }

    private void serviceDue(String equipment, MaintenanceRules.ServiceCrossing c, AssignmentHistory history) {
        Reading at = c.reading();
        boolean due = c.kind() == TriggerKind.SERVICE_DUE;
        String detail = due
                ? "hour meter reached " + at.hourMeter() + " h: the " + c.tierHours() + " h service is due at " + c.atHours() + " h"
                : "hour meter at " + at.hourMeter() + " h: the " + c.tierHours() + " h service is due at " + c.atHours() + " h";
        trigger(EventRecords.trigger(EventRecords.triggerId(equipment, c.kind(), c.tierHours() + "h/" + c.atHours() + "h"),
                        equipment, c.kind(), due ? Severity.NORMAL : Severity.LOW, at.deviceTs(), jobAt(history, at.deviceTs()))
                .setHourMeter(at.hourMeter()).setServiceTierHours(c.tierHours()).setDetail(detail).build(), at.deviceTs());
    }

    private void meterReset(String equipment, MaintenanceRules.MeterReset r, AssignmentHistory history) {
        long ts = r.reading().deviceTs();
        trigger(EventRecords.trigger(EventRecords.triggerId(equipment, TriggerKind.METER_RESET,
                        Instant.ofEpochMilli(ts).toString()), equipment, TriggerKind.METER_RESET, Severity.NORMAL, ts,
                        jobAt(history, ts))
                .setHourMeter(r.toHours())
                .setDetail("hour meter went down from " + r.fromHours() + " h to " + r.toHours()
                        + " h: reset or replaced; usage continues from the new value").build(), ts);
    }

    private void fuelDrop(String equipment, MaintenanceRules.FuelDrop d, AssignmentHistory history) {
        long ts = d.reading().deviceTs();
        trigger(EventRecords.trigger(EventRecords.triggerId(equipment, TriggerKind.FUEL_DROP,
                        Instant.ofEpochMilli(ts).toString()), equipment, TriggerKind.FUEL_DROP, Severity.HIGH, ts,
                        jobAt(history, ts))
                .setFuelDropLitres(d.litres())
                .setDetail(String.format(Locale.ROOT, "%.1f l left a %.0f l tank with the engine off", d.litres(),
                        d.tankLitres())).build(), ts);
    }

    /**
     * A fault and its clearing share one trigger id, that of the episode (the code and the report it became active
     * at), so that whoever opened a request on the fault finds it again to close it. The clearing takes the start the
     * opening was emitted with: a late report may since have moved the episode's first report earlier.
     */
    private void fault(String equipment, FaultRules.FaultChange c, AssignmentHistory history, EquipmentStatus status) {
        FaultCode code = c.fault();
        TriggerKind kind = c.activated() ? TriggerKind.FAULT : TriggerKind.FAULT_CLEARED;
        Severity severity = !c.activated() ? Severity.LOW : code.isRed() ? Severity.CRITICAL : Severity.HIGH;
        long episodeStart;
        if (c.activated()) {
            episodeStart = c.at();
            status.faultEpisodeOpened(code.code(), episodeStart);
        } else {
            episodeStart = status.faultEpisodeClosed(code.code()).orElseGet(() -> stores.faults.startOfRunBefore(
                    equipment, c.at(), report -> report.alerts().containsKey(code.code()))
                    .map(FaultReport::deviceTs).orElse(c.at()));
        }
        trigger(EventRecords.trigger(EventRecords.faultEpisodeId(equipment, code.code(), episodeStart), equipment, kind,
                        severity, c.at(), jobAt(history, c.at()))
                .setFault(EventRecords.fault(code))
                .setDetail("SPN " + code.spn() + " FMI " + code.fmi() + " (" + code.lamp() + ") "
                        + (c.activated() ? "became active" : "cleared")).build(), c.at());
    }

    private void downtime(String equipment, FaultRules.DowntimeChange c, AssignmentHistory history, EquipmentStatus status) {
        long at = c.at().deviceTs();
        if (c.started()) {
            status.downtimeOpened(at);
            out.emit(Topics.DOWNTIME, equipment, EventRecords.event(EventRecords.downtimeEventId(equipment, at), equipment,
                    jobAt(history, at), DowntimeKind.DOWNTIME_STARTED, at, null, c.at().redFaults()), at);
            return;
        }
        // The episode's id is its start as it was emitted; failing that, the oldest report of the run of red reports
        // just before this one.
        Optional<FaultReport> lastDown = stores.faults.before(equipment, at);
        long start = status.downtimeClosed().orElseGet(() -> stores.faults.startOfRunBefore(equipment, at,
                FaultReport::isDown).map(FaultReport::deviceTs).orElse(at));
        List<FaultCode> causes = lastDown.map(FaultReport::redFaults).orElse(List.of());
        out.emit(Topics.DOWNTIME, equipment, EventRecords.event(EventRecords.downtimeEventId(equipment, start), equipment,
                jobAt(history, start), DowntimeKind.DOWNTIME_ENDED, start, at, causes), at);
    }

    private void trigger(MaintenanceTrigger trigger, long deviceTs) {
        out.emit(Topics.MAINTENANCE, trigger.getTriggerId(), trigger, deviceTs);
    }

    private static String jobAt(AssignmentHistory history, long ts) {
        return history.at(ts).map(AssignmentInterval::jobId).orElse(null);
    }
}
