package io.rigstream.topology.testing;

import io.rigstream.topology.metrics.TopologyMetrics;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** Counts what the topology reports, for assertions. */
public final class RecordingMetrics implements TopologyMetrics {

    private final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();

    @Override
    public void reading(ReadingOutcome outcome) {
        increment("reading." + outcome);
    }

    @Override
    public void emitted(String output, boolean revision) {
        increment("emitted." + output + (revision ? ".revision" : ""));
    }

    @Override
    public void poison(PoisonKind kind) {
        increment("poison." + kind);
    }

    @Override
    public void invalidReferenceData(String kind) {
        increment("invalid." + kind);
    }

    public long count(ReadingOutcome outcome) {
        return count("reading." + outcome);
    }

    public long count(String name) {
        AtomicLong value = counts.get(name);
        return value == null ? 0 : value.get();
    }

    private void increment(String name) {
        counts.computeIfAbsent(name, n -> new AtomicLong()).incrementAndGet();
    }
}
