package io.rigstream.benchmarks.pipeline;

import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one pipeline benchmark run does, from {@code --name=value} arguments.
 *
 * @param fleets               the fleet sizes (equipment) to run, one level each, in this order
 * @param readingsPerLevel     readings each level publishes, spread over its fleet (at least two per equipment)
 * @param rate                 readings/s the gateways offer, paced; 0 publishes as fast as the broker takes them
 * @param readingInterval      device time between one equipment's consecutive readings
 * @param punctuation          the topology's publication interval (production default 30 s): how often it emits
 *                             state and hourly figures, so what the end-to-end latency is made of
 */
public record PipelineOptions(List<Integer> fleets, int readingsPerLevel, int rate, Duration readingInterval,
        Duration punctuation) {

    public static final String USAGE = """
            Options (defaults in brackets):
              --fleets=N,N,...        fleet sizes to run, one level each [1000,10000,100000]
              --readings=N            readings per level, spread over the fleet, at least 2 per equipment [100000]
              --rate=N                readings/s offered by the gateways, paced; 0 = as fast as the broker takes them [0]
              --interval-seconds=N    device time between an equipment's readings [30]
              --punctuation-ms=N      the topology's publication interval, as topology.punctuation-interval [30000]
            """;

    public PipelineOptions {
        if (fleets.isEmpty() || fleets.stream().anyMatch(n -> n < 1)) {
            throw new IllegalArgumentException("--fleets needs positive fleet sizes, got " + fleets);
        }
        if (readingsPerLevel < 1 || rate < 0 || readingInterval.isNegative() || readingInterval.isZero()
                || punctuation.isNegative() || punctuation.isZero()) {
            throw new IllegalArgumentException("--readings, --interval-seconds and --punctuation-ms must be positive, "
                    + "--rate at least 0");
        }
    }

    public static PipelineOptions parse(String[] args) {
        Map<String, String> values = new HashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--") || !arg.contains("=")) {
                throw new IllegalArgumentException("Expected --name=value, got " + arg + "\n" + USAGE);
            }
            values.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
        }
        Set<String> known = Set.of("fleets", "readings", "rate", "interval-seconds", "punctuation-ms");
        if (!known.containsAll(values.keySet())) {
            throw new IllegalArgumentException("Unknown option(s) in " + values.keySet() + "\n" + USAGE);
        }
        List<Integer> fleets = Arrays.stream(values.getOrDefault("fleets", "1000,10000,100000").split(","))
                .map(String::trim).map(Integer::parseInt).toList();
        return new PipelineOptions(fleets, Integer.parseInt(values.getOrDefault("readings", "100000")),
                Integer.parseInt(values.getOrDefault("rate", "0")),
                Duration.ofSeconds(Long.parseLong(values.getOrDefault("interval-seconds", "30"))),
                Duration.ofMillis(Long.parseLong(values.getOrDefault("punctuation-ms", "30000"))));
    }

    /** Readings per equipment at a level: the level's readings spread over the fleet, never fewer than two. */
    public int readingsPerEquipment(int fleet) {
        return Math.max(2, readingsPerLevel / fleet);
    }
}
