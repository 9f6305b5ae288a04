package io.rigstream.e2e.harness;

/** A rigstream service the test started, in this JVM or as a child process, that it can stop or kill. */
public interface RunningService extends AutoCloseable {

    String name();

    /**
     * Ends the service without any chance to clean up: SIGKILL for a child process. A service in this JVM cannot be
     * killed, only closed, and says so in its name.
     */
    void kill();

    /** Orderly stop. */
    @Override
    void close();
}
