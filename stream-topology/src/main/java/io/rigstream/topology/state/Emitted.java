package io.rigstream.topology.state;

/** Figures as last written to an output topic, with their revision: a recomputation re-emits only when they differ. */
public record Emitted<T>(int revision, T figures) {

    public static <T> Emitted<T> first(T figures) {
        return new Emitted<>(1, figures);
    }

    public Emitted<T> revised(T newFigures) {
        return new Emitted<>(revision + 1, newFigures);
    }
}
