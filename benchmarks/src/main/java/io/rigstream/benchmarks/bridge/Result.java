package io.rigstream.benchmarks.bridge;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Collectors;

/** One path's figures for one round. Latencies in milliseconds, CPU in seconds. */
public record Result(String path, long readings, double seconds, double p50Millis, double p99Millis, double clientCpuSeconds,
        double processCpuSeconds, Map<String, Double> clientThreads) {

    public double perSecond() {
        return readings / seconds;
    }

    public String line() {
        return String.format("%-22s %,9d readings %7.2f s %,9.0f readings/s   p50 %7.1f ms  p99 %7.1f ms   "
                        + "CPU per 10k: client %5.2f s, all %5.2f s", path, readings, seconds, perSecond(), p50Millis,
                p99Millis, clientCpuSeconds / readings * 10_000, processCpuSeconds / readings * 10_000);
    }

    /** How busy each of the client's threads was: CPU seconds over wall seconds, busiest first. */
    String threadLine() {
        return clientThreads.entrySet().stream().sorted(Map.Entry.comparingByValue(Comparator.reverseOrder()))
                .filter(thread -> thread.getValue() / seconds >= 0.01)
                .map(thread -> String.format("%s %.2f", thread.getKey(), thread.getValue() / seconds))
                .collect(Collectors.joining(", ", "cores used by thread: ", ""));
    }

    /** The p-quantile (0..1) of {@code values}, nearest rank; sorts the array. */
    public static double quantile(double[] values, double p) {
        if (values.length == 0) {
            return Double.NaN;
        }
        Arrays.sort(values);
        int rank = (int) Math.ceil(p * values.length) - 1;
        return values[Math.max(0, Math.min(values.length - 1, rank))];
    }
}
