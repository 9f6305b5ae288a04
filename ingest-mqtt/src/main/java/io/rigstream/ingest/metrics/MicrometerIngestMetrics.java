package io.rigstream.ingest.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

/** Micrometer meters under {@code rigstream.ingest.*}. */
public final class MicrometerIngestMetrics implements IngestMetrics {

    private static final String PREFIX = "rigstream.ingest.";

    private final MeterRegistry registry;
    private final Counter messages;
    private final DistributionSummary messageBytes;
    private final Counter forwarded;
    private final Counter sendFailures;
    private final Counter reconnects;
    private final Timer sendLatency;
    private final Timer ackLatency;
    private final Map<String, Counter> rejectedByReason = new ConcurrentHashMap<>();

    public MicrometerIngestMetrics(MeterRegistry registry, IntSupplier inFlightMessages) {
        this.registry = registry;
        this.messages = registry.counter(PREFIX + "messages.received");
        this.messageBytes = DistributionSummary.builder(PREFIX + "message.bytes").baseUnit("bytes").register(registry);
        this.forwarded = registry.counter(PREFIX + "readings.forwarded");
        this.sendFailures = registry.counter(PREFIX + "kafka.send.failures");
        this.reconnects = registry.counter(PREFIX + "mqtt.reconnects");
        this.sendLatency = Timer.builder(PREFIX + "kafka.send.latency").publishPercentiles(0.5, 0.99)
                .maximumExpectedValue(Duration.ofSeconds(30)).register(registry);
        this.ackLatency = Timer.builder(PREFIX + "mqtt.ack.latency").publishPercentiles(0.5, 0.99)
                .maximumExpectedValue(Duration.ofSeconds(30)).register(registry);
        Gauge.builder(PREFIX + "messages.in.flight", inFlightMessages::getAsInt).register(registry);
    }

    @Override
    public void messageReceived(int payloadBytes) {
        messages.increment();
        messageBytes.record(payloadBytes);
    }

    @Override
    public void readingForwarded() {
        forwarded.increment();
    }

    @Override
    public void readingRejected(String reason) {
        rejectedByReason.computeIfAbsent(reason,
                r -> registry.counter(PREFIX + "readings.rejected", "reason", r)).increment();
    }

    @Override
    public void kafkaSendLatency(long nanos) {
        sendLatency.record(nanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public void mqttAckLatency(long nanos) {
        ackLatency.record(nanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public void kafkaSendFailed() {
        sendFailures.increment();
    }

    @Override
    public void reconnected() {
        reconnects.increment();
    }
}
