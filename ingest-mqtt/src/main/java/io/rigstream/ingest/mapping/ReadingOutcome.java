package io.rigstream.ingest.mapping;

import io.rigstream.schemas.TelemetryReading;

/** What became of one reading: mapped, or rejected for the violation that decided it. */
sealed interface ReadingOutcome {

    record Accepted(TelemetryReading reading) implements ReadingOutcome {
    }

    record Rejected(Violation violation) implements ReadingOutcome {
    }
}
