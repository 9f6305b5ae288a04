package io.rigstream.launcher.demo;

import java.io.PrintStream;

/** Progress lines on stderr, each stamped with the seconds since the demo started. */
public final class Progress {

    private final PrintStream out;
    private final long startedNanos = System.nanoTime();

    public Progress(PrintStream out) {
        this.out = out;
    }

    public void step(String what) {
        out.printf("[%5.1fs] %s%n", elapsedSeconds(), what);
    }

    public double elapsedSeconds() {
        return (System.nanoTime() - startedNanos) / 1e9;
    }
}
