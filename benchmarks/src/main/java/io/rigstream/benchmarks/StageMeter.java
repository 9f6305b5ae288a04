package io.rigstream.benchmarks;

import java.lang.management.ManagementFactory;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * CPU time and allocated bytes per pipeline stage, from the JVM's per-thread counters: every stage runs in this one
 * JVM, so a thread's name says which stage it works for. Take both snapshots while the stages' threads still run; a
 * finished thread's counters are gone.
 */
public final class StageMeter {

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    public record Usage(double cpuSeconds, long allocatedBytes) {
        Usage plus(Usage other) {
            return new Usage(cpuSeconds + other.cpuSeconds, allocatedBytes + other.allocatedBytes);
        }
    }

    private final Function<String, String> stageOfThread;
    private final Map<Long, Usage> before;

    private StageMeter(Function<String, String> stageOfThread) {
        this.stageOfThread = stageOfThread;
        this.before = threads();
    }

    /** Starts measuring now; {@code stageOfThread} names the stage a thread (by its name) belongs to. */
    public static StageMeter start(Function<String, String> stageOfThread) {
        return new StageMeter(stageOfThread);
    }

    /** Usage per stage since the start. */
    public Map<String, Usage> byStage() {
        Map<String, Usage> stages = new TreeMap<>();
        Map<Long, Usage> after = threads();
        long[] ids = after.keySet().stream().mapToLong(Long::longValue).toArray();
        var infos = THREADS.getThreadInfo(ids);
        for (int i = 0; i < ids.length; i++) {
            if (infos[i] == null) {
                continue;
            }
            Usage now = after.get(ids[i]);
            Usage then = before.getOrDefault(ids[i], new Usage(0, 0));
            stages.merge(stageOfThread.apply(infos[i].getThreadName()),
                    new Usage(now.cpuSeconds() - then.cpuSeconds(), now.allocatedBytes() - then.allocatedBytes()), Usage::plus);
        }
        return stages;
    }

    private static Map<Long, Usage> threads() {
        Map<Long, Usage> usage = new HashMap<>();
        long[] ids = THREADS.getAllThreadIds();
        long[] allocated = THREADS.getThreadAllocatedBytes(ids);
        for (int i = 0; i < ids.length; i++) {
            long cpu = THREADS.getThreadCpuTime(ids[i]);
            if (cpu >= 0 && allocated[i] >= 0) {
                usage.put(ids[i], new Usage(cpu / 1e9, allocated[i]));
            }
        }
        return usage;
    }
}
