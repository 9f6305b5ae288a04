package io.rigstream.e2e.harness;

/** A service running in the test's JVM, wired through its real configuration object as the launcher wires it. */
final class InProcessService implements RunningService {

    private final String name;
    private final AutoCloseable service;
    private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();

    InProcessService(String name, AutoCloseable service) {
        this.name = name;
        this.service = service;
    }

    @Override
    public String name() {
        return name + " (in-process)";
    }

    /** In-process there is no SIGKILL: the service is closed, which lets it commit. */
    @Override
    public void kill() {
        close();
    }

    @Override
    public void close() {
        if (closed.getAndSet(true)) {
            return;
        }
        try {
            service.close();
        } catch (Exception e) {
            throw new IllegalStateException(name + " did not close: " + e.getMessage(), e);
        }
    }
}
