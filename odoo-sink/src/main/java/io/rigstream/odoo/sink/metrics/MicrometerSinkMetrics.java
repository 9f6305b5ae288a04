package io.rigstream.odoo.sink.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.rigstream.odoo.sink.delivery.Lane;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

/** {@link SinkMetrics} on Micrometer, every meter under {@code rigstream.odoo-sink.}. */
public final class MicrometerSinkMetrics implements SinkMetrics {

    private static final String PREFIX = "rigstream.odoo-sink.";

    private final MeterRegistry registry;
    private final AtomicReference<Double> rate = new AtomicReference<>(0.0);

    public MicrometerSinkMetrics(MeterRegistry registry) {
        this.registry = registry;
        registry.gauge(PREFIX + "rate", rate, AtomicReference::get);
    }

    @Override
    public void delivered(Lane lane, int records) {
        records(lane, "delivered", "none").increment(records);
    }

    @Override
    public void deadLettered(Lane lane, String reason, int records) {
        records(lane, "dead-lettered", reason).increment(records);
    }

    @Override
    public void skipped(Lane lane, int records) {
        records(lane, "skipped", "none").increment(records);
    }

    @Override
    public void call(String method, String outcome, Duration latency) {
        Timer.builder(PREFIX + "calls").description("Odoo calls by method and outcome")
                .tag("method", method).tag("outcome", outcome).register(registry).record(latency);
    }

    @Override
    public void batchRetried(Lane lane) {
        Counter.builder(PREFIX + "batch.retries").tag("lane", lane.tag()).register(registry).increment();
    }

    @Override
    public void throttleWait(Duration waited) {
        Timer.builder(PREFIX + "throttle.wait").description("Time calls waited for the rate limits").register(registry).record(waited);
    }

    @Override
    public void rate(double callsPerSecond) {
        rate.set(callsPerSecond);
    }

    private Counter records(Lane lane, String outcome, String reason) {
        return Counter.builder(PREFIX + "records").description("Records by lane and outcome")
                .tag("lane", lane.tag()).tag("outcome", outcome).tag("reason", reason).register(registry);
    }
}
