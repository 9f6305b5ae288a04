package io.rigstream.runtime.lifecycle;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One ordered shutdown for a service. Steps are registered as the service starts (HTTP server, clients, input) and
 * run in reverse order: the last thing started (the input) is the first stopped, the management server last.
 * Runs once, from SIGTERM's shutdown hook or from {@link #close()}; a failing step is logged and the rest still run.
 */
public final class ShutdownSequence implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ShutdownSequence.class);

    private record Step(String name, AutoCloseable action) {
    }

    private final String service;
    private final Deque<Step> steps = new ArrayDeque<>();
    private final CountDownLatch done = new CountDownLatch(1);
    private boolean closed;

    public ShutdownSequence(String service) {
        this.service = service;
    }

    public synchronized <T extends AutoCloseable> T register(String name, T action) {
        steps.push(new Step(name, action));
        return action;
    }

    /** Installs the JVM shutdown hook (SIGTERM, SIGINT) that runs this sequence. */
    public ShutdownSequence onSigterm() {
        Runtime.getRuntime().addShutdownHook(new Thread(this::close, service + "-shutdown"));
        return this;
    }

    /** Blocks until the sequence has run. */
    public void awaitTermination() throws InterruptedException {
        done.await();
    }

    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        LOG.info("Stopping {}", service);
        Step step;
        while ((step = pollStep()) != null) {
            try {
                step.action().close();
                LOG.debug("{}: {} stopped", service, step.name());
            } catch (Exception e) {
                LOG.warn("{}: stopping {} failed", service, step.name(), e);
            }
        }
        LOG.info("{} stopped", service);
        done.countDown();
    }

    private synchronized Step pollStep() {
        return steps.poll();
    }
}
