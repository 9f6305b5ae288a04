package io.rigstream.benchmarks.bridge;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * CPU time of the whole process (brokers, gateways and the client under test share it) and of the client's own
 * threads, picked by name. Snapshots must be taken while the client's threads still run: a finished thread's time
 * is gone.
 */
final class CpuMeter {

    private static final OperatingSystemMXBean OS = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    record Snapshot(long processNanos, Map<Long, String> names, Map<Long, Long> threadNanos) {
    }

    static Snapshot snapshot() {
        Map<Long, String> names = new HashMap<>();
        Map<Long, Long> cpu = new HashMap<>();
        for (ThreadInfo info : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
            if (info != null) {
                long nanos = THREADS.getThreadCpuTime(info.getThreadId());
                if (nanos >= 0) {
                    names.put(info.getThreadId(), info.getThreadName());
                    cpu.put(info.getThreadId(), nanos);
                }
            }
        }
        return new Snapshot(OS.getProcessCpuTime(), names, cpu);
    }

    static double processSeconds(Snapshot before, Snapshot after) {
        return (after.processNanos() - before.processNanos()) / 1e9;
    }

    /** CPU seconds the threads named as {@code client} used between the two snapshots. */
    static double threadSeconds(Snapshot before, Snapshot after, Predicate<String> client) {
        return byThread(before, after, client).values().stream().mapToDouble(Double::doubleValue).sum();
    }

    /** CPU seconds per thread name (threads of one name summed), for the threads named as {@code client}. */
    static Map<String, Double> byThread(Snapshot before, Snapshot after, Predicate<String> client) {
        Map<String, Double> seconds = new TreeMap<>();
        for (Map.Entry<Long, Long> thread : after.threadNanos().entrySet()) {
            String name = after.names().get(thread.getKey());
            if (client.test(name)) {
                long nanos = thread.getValue() - before.threadNanos().getOrDefault(thread.getKey(), 0L);
                seconds.merge(name, nanos / 1e9, Double::sum);
            }
        }
        return seconds;
    }
}
