package io.rigstream.simulator.fleet;

import io.rigstream.schemas.EquipmentAssignment;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Everything decided up front from the seed: the jobs, the machines, who is assigned where and when, each
 * machine's activity timeline, and the incidents (faults, theft, meter replacement, connectivity loss).
 */
public record FleetPlan(List<Job> jobs, List<Machine> machines, List<EquipmentAssignment> assignments,
        Map<String, List<ActivitySpan>> activity, List<Incident> incidents, Instant start, Instant end) {

    /** A stretch of one activity, [from, to). */
    public record ActivitySpan(Instant from, Instant to, MachineState.Activity activity) {
    }

    /** Something that happens to a machine at an instant. */
    public record Incident(String equipmentId, Instant at, Kind kind) {
        public enum Kind { RED_FAULT, RED_FAULT_REPAIRED, AMBER_FAULT, AMBER_FAULT_CLEARED, METER_REPLACED, FUEL_THEFT,
            CONNECTIVITY_LOST, CONNECTIVITY_RESTORED }
    }
}
