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
public final class Workload {

    public static final String TENANT = "bench";

    private final BenchmarkOptions options;
    private final long baseMillis = Instant.now().minusSeconds(6 * 3600).toEpochMilli();
    private final List<byte[]> payloads;

    public Workload(BenchmarkOptions options) {
        this.options = options;
        this.payloads = payloads();
    }

    /** Device time of every gateway's first reading. */
    public Instant firstReadingAt() {
        return Instant.ofEpochMilli(baseMillis);
    }

    /** The seq of the reading a gateway took at {@code deviceMillis}. */
    public long seqAt(long deviceMillis) {
        return (deviceMillis - baseMillis) / options.readingIntervalMillis();
    }

    public int messages() {
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

    public int gateway(int message) {
        return message % options.gateways();
    }

    /** The message of {@code gateway} that carried reading {@code seq}. */
    public int message(int gateway, long seq) {
        return (int) (seq / options.readingsPerMessage()) * options.gateways() + gateway;
    }

    /** The message of {@code gateway} that arrived {@code n}-th (0-based), when the broker kept its order. */
    int nthMessage(int gateway, int n) {
        return n * options.gateways() + gateway;
    }

    public long readings() {
        return options.readingsPerRound();
    }

    public static String equipment(String round, int gateway) {
        return equipmentPrefix(round) + gateway;
    }

    static String equipmentPrefix(String round) {
        return round + "-GW-";
    }

    static String topic(String round, int gateway) {
        return "fleet/" + TENANT + "/" + equipment(round, gateway) + "/telemetry";
    }

    /** The gateway a record key {@code bench/R<round>-GW-<g>} belongs to. */
    public static int gatewayOfKey(String key) {
        return Integer.parseInt(key.substring(key.lastIndexOf('-') + 1));
    }

    /** Single-reading objects for one reading per message, the bare-array batch shape otherwise. */
    private List<byte[]> payloads() {
        List<byte[]> payloads = new ArrayList<>();
        boolean single = options.readingsPerMessage() == 1;
        for (int m = 0; m < options.messagesPerGateway(); m++) {
            for (int g = 0; g < options.gateways(); g++) {
                StringBuilder json = new StringBuilder(single ? "" : "[");
                for (int r = 0; r < options.readingsPerMessage(); r++) {
                    long seq = (long) m * options.readingsPerMessage() + r;
                    json.append(r > 0 ? "," : "").append("{\"ts\":").append(baseMillis + seq * options.readingIntervalMillis()).append(",\"seq\":").append(seq)
                            .append(",\"gps\":{\"lat\":51.5,\"lon\":-0.12,\"speedKmh\":3.2},\"engine\":{\"running\":true,")
                            .append("\"hourMeter\":").append(100 + seq * options.readingIntervalMillis() / 3_600_000.0).append(",\"loadPct\":55},")
                            .append("\"fuel\":{\"levelPct\":54.2}}");
                }
                payloads.add(json.append(single ? "" : "]").toString().getBytes(StandardCharsets.UTF_8));
            }
        }
        return payloads;
    }
}
