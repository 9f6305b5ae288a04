package io.rigstream.topology.errors;

/**
 * Reason codes of the dead letters the topology writes to {@code rigstream.telemetry.rejected} (stage
 * {@code topology}). The schema's documentation of {@code RejectedReading.reason} and the README list each of them;
 * a test keeps them so.
 */
public enum RejectReason {
    /** The reading is more than the lateness horizon behind its equipment's newest one: it could no longer be
     *  checked for duplicates, so it is not counted. */
    TOO_LATE,
    /** The record key is not the reading's own {@code <tenant>/<equipmentId>}: the reading sits in the wrong
     *  partition, where it would be counted against another equipment's state. */
    KEY_MISMATCH,
    /** Bytes on an input topic (readings, assignments, profiles) that are not the expected Avro. */
    UNDESERIALIZABLE,
    /** Processing this reading threw; it is skipped so that one reading cannot stop the fleet's billing. */
    PROCESSING_FAILED
}
