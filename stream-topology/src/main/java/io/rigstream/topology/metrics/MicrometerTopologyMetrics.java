package io.rigstream.topology.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Map;

/** {@link TopologyMetrics} as Micrometer counters under {@code rigstream.topology.}. */
public final class MicrometerTopologyMetrics implements TopologyMetrics {

    private static final String PREFIX = "rigstream.topology.";

    private final MeterRegistry registry;
    private final Map<ReadingOutcome, Counter> readings = new EnumMap<>(ReadingOutcome.class);
    private final Map<PoisonKind, Counter> poison = new EnumMap<>(PoisonKind.class);

    public MicrometerTopologyMetrics(MeterRegistry registry) {
        this.registry = registry;
        for (ReadingOutcome outcome : ReadingOutcome.values()) {
            readings.put(outcome, Counter.builder(PREFIX + "readings")
                    .description("Readings arriving at the topology, by what became of them")
                    .tag("outcome", outcome.name().toLowerCase(java.util.Locale.ROOT)).register(registry));
        }
        for (PoisonKind kind : PoisonKind.values()) {
            poison.put(kind, Counter.builder(PREFIX + "dead.letters")
                    .description("Records dead-lettered by a Streams exception handler")
                    .tag("kind", kind.name().toLowerCase(java.util.Locale.ROOT)).register(registry));
        }
    }

    @Override
    public void reading(ReadingOutcome outcome) {
        readings.get(outcome).increment();
    }

    @Override
    public void emitted(String output, boolean revision) {
        registry.counter(PREFIX + "emitted", "output", output, "revision", Boolean.toString(revision)).increment();
    }

    @Override
    public void poison(PoisonKind kind) {
        poison.get(kind).increment();
    }

    @Override
    public void invalidReferenceData(String kind) {
        registry.counter(PREFIX + "invalid.reference.data", "kind", kind).increment();
    }
}
