package io.rigstream.odoo.standin.faults;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts what reaches the server, so a test can prove a client's limits held: request arrival times (for the most
 * requests seen in any window of a given length), the most requests in progress at once, and every {@code load} call
 * with its number of rows.
 */
public final class RequestMeter {

    /** One load call: model and number of rows. */
    public record LoadCall(String model, int rows) {
    }

    private final List<Long> arrivalsNanos = new ArrayList<>();
    private final List<LoadCall> loads = new ArrayList<>();
    private final AtomicInteger inProgress = new AtomicInteger();
    private final AtomicInteger maxInProgress = new AtomicInteger();

    public void begin() {
        synchronized (this) {
            arrivalsNanos.add(System.nanoTime());
        }
        maxInProgress.accumulateAndGet(inProgress.incrementAndGet(), Math::max);
    }

    public void end() {
        inProgress.decrementAndGet();
    }

    public synchronized void load(String model, int rows) {
        loads.add(new LoadCall(model, rows));
    }

    public synchronized int requests() {
        return arrivalsNanos.size();
    }

    public synchronized List<LoadCall> loads() {
        return List.copyOf(loads);
    }

    public int maxConcurrent() {
        return maxInProgress.get();
    }

    /** The most requests that arrived within any interval of length {@code window}. */
    public synchronized int maxInAnyWindow(Duration window) {
        long width = window.toNanos();
        int best = 0;
        int start = 0;
        for (int end = 0; end < arrivalsNanos.size(); end++) {
            while (arrivalsNanos.get(end) - arrivalsNanos.get(start) >= width) {
                start++;
            }
            best = Math.max(best, end - start + 1);
        }
        return best;
    }

    /** Requests per whole second since the first one: the series a benchmark reports. */
    public synchronized List<Integer> perSecond() {
        List<Integer> counts = new ArrayList<>();
        if (arrivalsNanos.isEmpty()) {
            return counts;
        }
        long first = arrivalsNanos.get(0);
        for (long arrival : arrivalsNanos) {
            int second = (int) ((arrival - first) / 1_000_000_000L);
            while (counts.size() <= second) {
                counts.add(0);
            }
            counts.set(second, counts.get(second) + 1);
        }
        return counts;
    }

    public synchronized void reset() {
        arrivalsNanos.clear();
        loads.clear();
        maxInProgress.set(inProgress.get());
    }
}
