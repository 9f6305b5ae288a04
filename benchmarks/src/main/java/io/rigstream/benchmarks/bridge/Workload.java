package io.rigstream.benchmarks.bridge;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The gateway messages of one round, built before any clock starts: message {@code i} comes from gateway
 * {@code i % gateways} and carries readings {@code (i / gateways) * readingsPerMessage ..} of it (the seq). Each round
 * uses its own equipment ids ({@code R<round>-GW-<g>}), so its records are told apart in Kafka.
 */
final class Workload {

    static final String TENANT = "bench";

    private final BenchmarkOptions options;
    private final List<byte[]> payloads;

    Workload(BenchmarkOptions options) {
        this.options = options;
        this.payloads = payloads(options);
    }

    int messages() {
        return payloads.size();
    }

    byte[] payload(int message) {
        return payloads.get(message);
    }

    int readingsPerMessage() {
        return options.readingsPerMessage();
    }

    int gateways() {
        return options.gateways();
    }

    int gateway(int message) {
        return message % options.gateways();
    }

    /** The message of {@code gateway} that carried reading {@code seq}. */
    int message(int gateway, long seq) {
        return (int) (seq / options.readingsPerMessage()) * options.gateways() + gateway;
    }

    /** The message of {@code gateway} that arrived {@code n}-th (0-based), when the broker kept its order. */
    int nthMessage(int gateway, int n) {
        return n * options.gateways() + gateway;
    }

    long readings() {
        return options.readingsPerRound();
    }

    static String equipment(String round, int gateway) {
        return equipmentPrefix(round) + gateway;
    }

    static String equipmentPrefix(String round) {
        return round + "-GW-";
    }

    static String topic(String round, int gateway) {
        return "fleet/" + TENANT + "/" + equipment(round, gateway) + "/telemetry";
    }

    /** The gateway a record key {@code bench/R<round>-GW-<g>} belongs to. */
    static int gatewayOfKey(String key) {
        return Integer.parseInt(key.substring(key.lastIndexOf('-') + 1));
    }

    /** Single-reading objects for one reading per message, the bare-array batch shape otherwise. */
    private static List<byte[]> payloads(BenchmarkOptions options) {
        List<byte[]> payloads = new ArrayList<>();
        long base = Instant.now().minusSeconds(6 * 3600).toEpochMilli();
        boolean single = options.readingsPerMessage() == 1;
        for (int m = 0; m < options.messagesPerGateway(); m++) {
            for (int g = 0; g < options.gateways(); g++) {
                StringBuilder json = new StringBuilder(single ? "" : "[");
                for (int r = 0; r < options.readingsPerMessage(); r++) {
                    long seq = (long) m * options.readingsPerMessage() + r;
                    json.append(r > 0 ? "," : "").append("{\"ts\":").append(base + seq * 100).append(",\"seq\":").append(seq)
                            .append(",\"gps\":{\"lat\":51.5,\"lon\":-0.12,\"speedKmh\":3.2},\"engine\":{\"running\":true,")
                            .append("\"hourMeter\":").append(100 + seq / 36000.0).append(",\"loadPct\":55},")
                            .append("\"fuel\":{\"levelPct\":54.2}}");
                }
                payloads.add(json.append(single ? "" : "]").toString().getBytes(StandardCharsets.UTF_8));
            }
        }
        return payloads;
    }
}
