package io.rigstream.topology.metrics;

/**
 * What the topology counts, in its own words. Tags stay of bounded cardinality: never an equipment or job id.
 * Called from stream threads, so implementations must be thread-safe and cheap.
 */
public interface TopologyMetrics {

    /** What became of one arriving reading. */
    enum ReadingOutcome { ACCEPTED, DUPLICATE, CONFLICT, TOO_LATE, KEY_MISMATCH }

    /** Why a record was dead-lettered by a Streams exception handler. */
    enum PoisonKind { DESERIALIZATION, PROCESSING }

    void reading(ReadingOutcome outcome);

    /** A record was written to {@code output}; {@code revision} when it replaces an earlier emission. */
    void emitted(String output, boolean revision);

    void poison(PoisonKind kind);

    /** An assignment or profile that cannot be used (bad zone, shift ending before it starts) was ignored. */
    void invalidReferenceData(String kind);

    TopologyMetrics NONE = new TopologyMetrics() {
        @Override
        public void reading(ReadingOutcome outcome) {
        }

        @Override
        public void emitted(String output, boolean revision) {
        }

        @Override
        public void poison(PoisonKind kind) {
        }

        @Override
        public void invalidReferenceData(String kind) {
        }
    };
}
