package io.rigstream.benchmarks.bridge;

import io.rigstream.benchmarks.Machine;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The bridge against its two raw baselines, on the same machine, brokers and data, in one run: a bare Kafka producer
 * sending the same Avro records, a bare MQTT subscriber draining the same gateway messages, and the bridge between
 * them. Rounds interleave the three paths, so background load spreads over all of them; warm-up rounds are not
 * reported. Prints each measured round, the median round per path and the bridge's ratio to the slower baseline.
 * Run it with {@code benchmarks/run-bridge-benchmark [options]}; {@code --help} lists the options.
 */
public final class BridgeBenchmark {

    private BridgeBenchmark() {
    }

    @FunctionalInterface
    private interface BenchPath {
        Result run(BenchEnvironment env, String round) throws Exception;
    }

    public static void main(String[] args) throws Exception {
        if (List.of(args).contains("--help")) {
            System.out.println(BenchmarkOptions.USAGE);
            return;
        }
        BenchmarkOptions options = BenchmarkOptions.parse(args);
        Map<String, BenchPath> paths = new LinkedHashMap<>();
        if (options.paths().contains("producer")) {
            paths.put("producer", BareProducerRun::run);
        }
        if (options.paths().contains("subscriber")) {
            paths.put("subscriber", BareSubscriberRun::run);
        }
        if (options.paths().contains("bridge")) {
            paths.put("bridge", BridgeRun::run);
        }
        Map<String, List<Result>> results = new LinkedHashMap<>();
        try (BenchEnvironment env = new BenchEnvironment(options)) {
            System.out.println(header(options, env));
            for (int round = 0; round < options.warmupRounds() + options.rounds(); round++) {
                boolean warmup = round < options.warmupRounds();
                for (Map.Entry<String, BenchPath> path : paths.entrySet()) {
                    Result result = path.getValue().run(env, "R" + round);
                    System.out.println((warmup ? "warm-up  " : "round " + (round - options.warmupRounds() + 1) + "  ")
                            + result.line());
                    System.out.println("         " + result.threadLine());
                    if (!warmup) {
                        results.computeIfAbsent(path.getKey(), k -> new ArrayList<>()).add(result);
                    }
                }
            }
        }
        System.out.println();
        System.out.println("Median round per path (by throughput):");
        Map<String, Result> medians = new LinkedHashMap<>();
        results.forEach((path, list) -> {
            List<Result> sorted = new ArrayList<>(list);
            sorted.sort(Comparator.comparingDouble(Result::perSecond));
            medians.put(path, sorted.get(sorted.size() / 2));
            System.out.println("  " + medians.get(path).line());
        });
        if (medians.containsKey("bridge") && medians.containsKey("producer") && medians.containsKey("subscriber")) {
            double slower = Math.min(medians.get("producer").perSecond(), medians.get("subscriber").perSecond());
            System.out.printf("bridge / slower baseline = %.2f%n", medians.get("bridge").perSecond() / slower);
            // Where the brokers, the gateways and the client share the CPU, the bridge does both baselines' work for
            // every reading, so running both legs one after the other is what it can at best match.
            double inSeries = 1 / (1 / medians.get("producer").perSecond() + 1 / medians.get("subscriber").perSecond());
            System.out.printf("bridge / both baselines in series (%,.0f readings/s) = %.2f%n", inSeries,
                    medians.get("bridge").perSecond() / inSeries);
        }
        System.out.println("load average at the end: " + Machine.loadAverage());
        System.exit(0);
    }

    private static String header(BenchmarkOptions options, BenchEnvironment env) {
        Map<String, Object> producer = env.config("bench-header").producerProperties();
        String broker = env.mqtt().description();
        return String.format("Bridge benchmark on %s: %d gateways x %d messages x %d readings = %,d readings per round, "
                        + "%d warm-up + %d measured rounds%n"
                        + "gateways: %d connections, window %d, %s; bridge: receive maximum %d; producer: compression %s, linger.ms %s, "
                        + "batch.size %s%n"
                        + "machine: %d cores (%s), %s, Java %s; load average at the start: %s",
                broker, options.gateways(), options.messagesPerGateway(), options.readingsPerMessage(),
                options.readingsPerRound(), options.warmupRounds(), options.rounds(), options.connections(), options.window(),
                options.rate() == 0 ? "unpaced" : String.format("paced at %,d readings/s", options.rate()),
                options.receiveMaximum(), producer.get("compression.type"), producer.get("linger.ms"), producer.get("batch.size"),
                Runtime.getRuntime().availableProcessors(), Machine.cpuModel(), System.getProperty("os.name") + " "
                        + System.getProperty("os.version"), System.getProperty("java.version"), Machine.loadAverage());
    }
}
