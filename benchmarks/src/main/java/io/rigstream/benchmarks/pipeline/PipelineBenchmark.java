package io.rigstream.benchmarks.pipeline;

import io.rigstream.benchmarks.Machine;
import io.rigstream.benchmarks.StreamsOverrides;
import java.util.ArrayList;
import java.util.List;

/**
 * The whole pipeline under growing fleets: for each fleet size, gateways publish at QoS 1 through a real MQTT broker,
 * the bridge forwards into a real Kafka broker, the topology computes; measured in the same run against the raw
 * baselines (bare Kafka producer, bare MQTT subscriber, pass-through Kafka Streams), each stage as a ratio of its
 * baseline. Prints one block per level and a Markdown table for {@code docs/benchmarks.md}.
 * Run it with {@code benchmarks/run-pipeline-benchmark [options]}; {@code --help} lists the options.
 */
public final class PipelineBenchmark {

    private static final List<String> STAGES = List.of("gateways", "mqtt-broker", "bridge", "kafka-broker", "topology");

    private PipelineBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (List.of(args).contains("--help")) {
            System.out.println(PipelineOptions.USAGE);
            return;
        }
        PipelineOptions options = PipelineOptions.parse(args);
        System.out.printf("Pipeline benchmark: fleets %s, %,d readings per level (at least 2 per equipment), %s, "
                        + "a reading every %d s of device time, topology publishing every %d ms, %s%n"
                        + "machine: %d cores, %s %s, Java %s, max heap %,d MB; load average at the start: %s%n",
                options.fleets(), options.readingsPerLevel(),
                options.rate() == 0 ? "unpaced" : String.format("paced at %,d readings/s", options.rate()),
                options.readingInterval().toSeconds(), options.punctuation().toMillis(), StreamsOverrides.describe(),
                Runtime.getRuntime().availableProcessors(), System.getProperty("os.name"), System.getProperty("os.version"),
                System.getProperty("java.version"), Runtime.getRuntime().maxMemory() >> 20, Machine.loadAverage());
        List<LevelResult> results = new ArrayList<>();
        for (int fleet : options.fleets()) {
            System.out.printf("%n== %,d equipment x %d readings%n", fleet, options.readingsPerEquipment(fleet));
            LevelResult result = new PipelineLevel(options, fleet).run();
            results.add(result);
            System.out.println(block(result));
        }
        System.out.println();
        System.out.println(table(results));
        System.out.println("load average at the end: " + Machine.loadAverage());
        System.exit(0);
    }

    private static String block(LevelResult r) {
        StringBuilder text = new StringBuilder();
        text.append(String.format("  baselines: bare producer %,.0f /s, bare MQTT subscriber %,.0f /s, pass-through Streams %,.0f /s%n",
                r.bareProducer(), r.bareSubscriber(), r.passThrough()));
        text.append(String.format("  pipeline: bridge %,.0f /s (%.2f of the slower of producer and subscriber), topology %,.0f /s, "
                        + "end to end %,.0f /s (%.2f of the slowest baseline)%n",
                r.bridgeStage(), r.bridgeRatio(), r.topologyStage(), r.endToEnd(), r.endToEndRatio()));
        text.append(String.format("  topology catching up on the same input: %,.0f /s (%.2f of pass-through)%n",
                r.topologyCatchUp(), r.topologyRatio()));
        text.append(String.format("  publish to topology output: p50 %,.0f ms, p99 %,.0f ms%n", r.p50Millis(), r.p99Millis()));
        for (String stage : STAGES) {
            text.append(String.format("  %-13s CPU %.3f s per 10k readings, allocates %,.0f bytes per reading%n", stage,
                    r.cpuPer10k(stage), r.allocatedPerReading(stage)));
        }
        text.append(String.format("  topology state %,d bytes = %,d per equipment; heap in use after GC %,d MB",
                r.stateBytes(), r.stateBytes() / r.equipment(), r.heapAfterGcBytes() >> 20));
        return text.toString();
    }

    private static String table(List<LevelResult> results) {
        StringBuilder table = new StringBuilder();
        table.append("| equipment | readings | bare producer /s | bare MQTT sub /s | pass-through Streams /s | bridge /s (ratio) "
                + "| topology catching up /s (ratio) | end to end /s (ratio) | p50 / p99 latency | CPU s per 10k: bridge / topology / brokers "
                + "| state per equipment | heap after GC |\n");
        table.append("|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (LevelResult r : results) {
            table.append(String.format("| %,d | %,d | %,.0f | %,.0f | %,.0f | %,.0f (%.2f) | %,.0f (%.2f) | %,.0f (%.2f) "
                            + "| %,.1f s / %,.1f s | %.2f / %.2f / %.2f | %,d B | %,d MB |%n",
                    r.equipment(), r.readings(), r.bareProducer(), r.bareSubscriber(), r.passThrough(), r.bridgeStage(),
                    r.bridgeRatio(), r.topologyCatchUp(), r.topologyRatio(), r.endToEnd(), r.endToEndRatio(),
                    r.p50Millis() / 1000, r.p99Millis() / 1000, r.cpuPer10k("bridge"), r.cpuPer10k("topology"),
                    r.cpuPer10k("kafka-broker") + r.cpuPer10k("mqtt-broker"), r.stateBytes() / r.equipment(),
                    r.heapAfterGcBytes() >> 20));
        }
        return table.toString();
    }
}
