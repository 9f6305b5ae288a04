package io.rigstream.benchmarks.bridge;

import java.util.concurrent.locks.LockSupport;

/** Spaces events evenly at a given rate from the first one; a rate of 0 never waits. */
final class Pacer {

    private final double nanosPerEvent;
    private final long start = System.nanoTime();

    Pacer(double eventsPerSecond) {
        this.nanosPerEvent = eventsPerSecond <= 0 ? 0 : 1e9 / eventsPerSecond;
    }

    /** Waits until event {@code n} (0-based) is due. */
    void await(long n) {
        long due = start + (long) (n * nanosPerEvent);
        for (long now = System.nanoTime(); now < due; now = System.nanoTime()) {
            LockSupport.parkNanos(due - now);
        }
    }
}
