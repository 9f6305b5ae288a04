package io.rigstream.topology.processing;

import io.rigstream.schemas.DowntimeEvent;
import io.rigstream.schemas.DowntimeKind;
import io.rigstream.schemas.EquipmentState;
import io.rigstream.schemas.Fault;
import io.rigstream.schemas.MaintenanceTrigger;
import io.rigstream.schemas.RejectedReading;
import io.rigstream.schemas.Severity;
import io.rigstream.schemas.TelemetryReading;
import io.rigstream.schemas.TriggerKind;
import io.rigstream.schemas.topics.Topics;
import io.rigstream.topology.model.EquipmentKeys;
import io.rigstream.topology.model.FaultCode;
import io.rigstream.topology.state.LatestState;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/**
 * Maintenance triggers, downtime and silence events, equipment state and dead letters as Avro records. Trigger and
 * event ids are derived from what happened (equipment, kind, tier or code, device time), never from when it was
 * processed, so a replay produces the same ids.
 */
public final class EventRecords {

    /** Dead-letter stage name of the topology. */
    public static final String STAGE = "topology";

    private EventRecords() {
    }

    public static Fault fault(FaultCode code) {
        return Fault.newBuilder().setSpn(code.spn()).setFmi(code.fmi()).setLamp(code.lamp()).setActive(true).build();
    }

    /** {@code <tenant>/<equipmentId>/<kind>/<what>}: what identifies the trigger, e.g. the tier and the hours. */
    public static String triggerId(String equipment, TriggerKind kind, String identity) {
        return equipment + '/' + kind + '/' + identity;
    }

    public static MaintenanceTrigger.Builder trigger(String triggerId, String equipment, TriggerKind kind,
            Severity severity, long deviceTs, String jobId) {
        return MaintenanceTrigger.newBuilder()
                .setTriggerId(triggerId)
                .setTenant(EquipmentKeys.tenantOf(equipment))
                .setEquipmentId(EquipmentKeys.equipmentIdOf(equipment))
                .setJobId(jobId)
                .setKind(kind)
                .setSeverity(severity)
                .setDeviceTs(Instant.ofEpochMilli(deviceTs));
    }

    /** The id of a fault episode: its FAULT trigger and the FAULT_CLEARED that ends it. */
    public static String faultEpisodeId(String equipment, String code, long episodeStart) {
        return triggerId(equipment, TriggerKind.FAULT, code + '/' + Instant.ofEpochMilli(episodeStart));
    }

    public static String downtimeEventId(String equipment, long episodeStart) {
        return equipment + "/downtime/" + Instant.ofEpochMilli(episodeStart);
    }

    public static String silenceEventId(String equipment, long silentSince) {
        return equipment + "/silence/" + Instant.ofEpochMilli(silentSince);
    }

    public static DowntimeEvent event(String eventId, String equipment, String jobId, DowntimeKind kind, long start,
            Long end, List<FaultCode> faults) {
        return DowntimeEvent.newBuilder()
                .setEventId(eventId)
                .setTenant(EquipmentKeys.tenantOf(equipment))
                .setEquipmentId(EquipmentKeys.equipmentIdOf(equipment))
                .setJobId(jobId)
                .setKind(kind)
                .setStartTs(Instant.ofEpochMilli(start))
                .setEndTs(end == null ? null : Instant.ofEpochMilli(end))
                .setFaults(faults.stream().map(EventRecords::fault).toList())
                .build();
    }

    public static EquipmentState state(String equipment, LatestState latest, String currentJobId) {
        return EquipmentState.newBuilder()
                .setTenant(EquipmentKeys.tenantOf(equipment))
                .setEquipmentId(EquipmentKeys.equipmentIdOf(equipment))
                .setLastDeviceTs(Instant.ofEpochMilli(latest.lastDeviceTs()))
                .setLatitude(latest.latitude())
                .setLongitude(latest.longitude())
                .setHourMeter(latest.hourMeter())
                .setEngineRunning(latest.running())
                .setFuelRemainingPct(latest.fuelPct())
                .setActiveFaults(latest.activeFaults().stream().map(EventRecords::fault).toList())
                .setCurrentJobId(currentJobId)
                .setInDowntime(latest.inDowntime())
                .build();
    }

    public static RejectedReading rejected(TelemetryReading reading, String reason, String detail) {
        return RejectedReading.newBuilder()
                .setReason(reason)
                .setDetail(detail)
                .setStage(STAGE)
                .setSourceTopic(Topics.READINGS.name())
                .setTenant(reading.getTenant())
                .setEquipmentId(reading.getEquipmentId())
                .setReadingIndex(null)
                .setPayload(ByteBuffer.wrap(reading.toString().getBytes(StandardCharsets.UTF_8)))
                .setReceivedTs(reading.getReceivedTs())
                .build();
    }
}
