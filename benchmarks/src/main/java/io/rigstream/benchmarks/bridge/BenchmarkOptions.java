package io.rigstream.benchmarks.bridge;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What one benchmark run does, from {@code --name=value} arguments. A name with a dot is a bridge setting
 * ({@code --mqtt.connections=1}, {@code --kafka.producer.linger.ms=5}), applied to the bridge and, as far as they
 * concern them, to the bare producer and subscriber alike; {@code -Dkafka.producer.X=V} works too.
 */
public record BenchmarkOptions(String broker, int gateways, int messagesPerGateway, int readingsPerMessage, int rounds,
        int warmupRounds, int connections, int window, int receiveMaximum, int rate, Set<String> paths,
        Map<String, String> bridgeSettings, int readingIntervalMillis) {

    public static final String USAGE = """
            Options (defaults in brackets):
              --broker=hivemq|mosquitto   MQTT broker: embedded HiveMQ CE, or Debian's /usr/sbin/mosquitto [hivemq]
              --gateways=N                simulated gateways, one topic each [50]
              --messages=N                QoS 1 messages per gateway per round [200]
              --readings=N                readings per message; 1 sends single-reading objects, more a batch [50]
              --rounds=N                  measured rounds; the median round is reported [3]
              --warmup=N                  rounds run first and not reported (JIT, broker caches) [1]
              --connections=N             MQTT connections the gateways publish over [8]
              --window=N                  unacknowledged publishes per connection [100]
              --receive-maximum=N         the bridge's and the bare subscriber's MQTT receive maximum [1000]
              --rate=N                    readings/s the gateways offer, paced; 0 publishes as fast as the broker takes
                                          them, which measures throughput (latency is then mostly queueing) [0]
              --paths=producer,subscriber,bridge   which of the three to run [all]
              --interval-ms=N             device time between a gateway's consecutive readings [100]
              --<bridge setting>=V        any bridge setting (docs/ingest.md), e.g. --mqtt.connections=1 or
                                          --kafka.producer.compression.type=zstd; the bare producer uses the same
                                          producer settings, the bare subscriber the same MQTT sessions
            """;

    public static BenchmarkOptions parse(String[] args) {
        Map<String, String> values = new HashMap<>();
        Map<String, String> producer = new TreeMap<>();
        System.getProperties().forEach((key, value) -> {
            if (key.toString().startsWith("kafka.producer.")) {
                producer.put(key.toString(), value.toString());
            }
        });
        for (String arg : args) {
            if (!arg.startsWith("--") || !arg.contains("=")) {
                throw new IllegalArgumentException("Expected --name=value, got " + arg + "\n" + USAGE);
            }
            String name = arg.substring(2, arg.indexOf('='));
            String value = arg.substring(arg.indexOf('=') + 1);
            if (name.contains(".")) {
                producer.put(name, value);
            } else {
                values.put(name, value);
            }
        }
        BenchmarkOptions options = new BenchmarkOptions(values.getOrDefault("broker", "hivemq"),
                positive(values, "gateways", 50), positive(values, "messages", 200), positive(values, "readings", 50),
                positive(values, "rounds", 3), atLeastZero(values, "warmup", 1), positive(values, "connections", 8),
                positive(values, "window", 100), positive(values, "receive-maximum", 1000), atLeastZero(values, "rate", 0),
                Set.of(values.getOrDefault("paths", "producer,subscriber,bridge").split(",")), Map.copyOf(producer),
                positive(values, "interval-ms", 100));
        values.keySet().removeAll(Set.of("broker", "gateways", "messages", "readings", "rounds", "warmup", "connections",
                "window", "receive-maximum", "rate", "paths", "interval-ms"));
        if (!values.isEmpty()) {
            throw new IllegalArgumentException("Unknown option(s) " + values.keySet() + "\n" + USAGE);
        }
        if (!Set.of("hivemq", "mosquitto").contains(options.broker())) {
            throw new IllegalArgumentException("--broker must be hivemq or mosquitto, not " + options.broker());
        }
        if (!Set.of("producer", "subscriber", "bridge").containsAll(options.paths())) {
            throw new IllegalArgumentException("--paths takes producer, subscriber and bridge, not " + options.paths());
        }
        return options;
    }

    public long readingsPerRound() {
        return (long) gateways * messagesPerGateway * readingsPerMessage;
    }

    private static int positive(Map<String, String> values, String name, int fallback) {
        int value = atLeastZero(values, name, fallback);
        if (value < 1) {
            throw new IllegalArgumentException("--" + name + " must be at least 1");
        }
        return value;
    }

    private static int atLeastZero(Map<String, String> values, String name, int fallback) {
        try {
            int value = values.containsKey(name) ? Integer.parseInt(values.get(name)) : fallback;
            if (value < 0) {
                throw new IllegalArgumentException("--" + name + " must not be negative");
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be a number, not " + values.get(name), e);
        }
    }
}
