package io.rigstream.benchmarks.bridge;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * What the bridge was doing during a round, for the "what limits it" question: how many MQTT messages it held
 * unacknowledged (sampled every 50 ms), its own arrival-to-PUBACK and Kafka send latencies, and its producer's
 * batching as Kafka's client metrics report it.
 */
final class BridgeProbe implements AutoCloseable {

    private static final String[] PRODUCER_METRICS = {"record-queue-time-avg", "request-latency-avg", "batch-size-avg",
            "records-per-request-avg", "compression-rate-avg", "bufferpool-wait-ratio"};

    private final MeterRegistry metrics;
    private final String producerClientId;
    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "bench-probe");
        thread.setDaemon(true);
        return thread;
    });
    private final DoubleAdder inFlightSum = new DoubleAdder();
    private final LongAdder samples = new LongAdder();
    private volatile double inFlightMax;

    BridgeProbe(MeterRegistry metrics, String producerClientId) {
        this.metrics = metrics;
        this.producerClientId = producerClientId;
        sampler.scheduleAtFixedRate(this::sample, 50, 50, TimeUnit.MILLISECONDS);
    }

    private void sample() {
        double inFlight = metrics.get("rigstream.ingest.messages.in.flight").gauge().value();
        inFlightSum.add(inFlight);
        samples.increment();
        inFlightMax = Math.max(inFlightMax, inFlight);
    }

    /** One line: in-flight messages, the bridge's latencies, the producer's batching. */
    String report() {
        List<String> parts = new ArrayList<>();
        parts.add(String.format("in flight avg %.0f max %.0f messages", inFlightSum.sum() / Math.max(1, samples.sum()),
                inFlightMax));
        parts.add("arrival->PUBACK " + percentiles("rigstream.ingest.mqtt.ack.latency"));
        parts.add("Kafka send " + percentiles("rigstream.ingest.kafka.send.latency"));
        try {
            MBeanServer server = ManagementFactory.getPlatformMBeanServer();
            ObjectName name = new ObjectName("kafka.producer:type=producer-metrics,client-id=" + producerClientId);
            for (String metric : PRODUCER_METRICS) {
                parts.add(String.format("%s %.3g", metric, ((Number) server.getAttribute(name, metric)).doubleValue()));
            }
        } catch (Exception e) {
            parts.add("producer metrics unavailable: " + e.getMessage());
        }
        return String.join(", ", parts);
    }

    private String percentiles(String timer) {
        Timer found = metrics.find(timer).timer();
        if (found == null) {
            return "n/a";
        }
        StringBuilder text = new StringBuilder();
        for (ValueAtPercentile value : found.takeSnapshot().percentileValues()) {
            text.append(String.format("p%.0f %.1f ms ", value.percentile() * 100, value.value(TimeUnit.MILLISECONDS)));
        }
        return text.toString().trim();
    }

    @Override
    public void close() {
        sampler.shutdownNow();
    }
}
