package io.rigstream.topology.processing;

import io.rigstream.schemas.TelemetryReading;
import io.rigstream.topology.model.AssignmentHistory;
import io.rigstream.topology.model.EquipmentProfileSettings;

/** What reaches the equipment processor, keyed by equipment: a reading, or news that its reference data changed. */
public sealed interface Input {

    /** A reading with the equipment's assignments and profile as they are now. */
    record ReadingInput(TelemetryReading reading, AssignmentHistory history, EquipmentProfileSettings profile)
            implements Input {
    }

    /** The equipment's assignments changed: figures already emitted may be attributed differently now. */
    record AssignmentsChanged() implements Input {
    }

    /** The equipment's profile changed: idle thresholds and tank size enter the figures. */
    record ProfileChanged() implements Input {
    }
}
