package io.rigstream.odoo.sink.bench;

import io.rigstream.odoo.sink.Fixtures;
import io.rigstream.odoo.sink.SinkWiring;
import io.rigstream.odoo.sink.config.OdooSinkConfig;
import io.rigstream.odoo.sink.delivery.Batch;
import io.rigstream.odoo.sink.delivery.BatchDelivery;
import io.rigstream.odoo.sink.delivery.BatchOutcome;
import io.rigstream.odoo.sink.delivery.Lane;
import io.rigstream.odoo.sink.delivery.PendingRecord;
import io.rigstream.odoo.sink.metrics.SinkMetrics;
import io.rigstream.odoo.sink.throttle.RequestThrottle;
import io.rigstream.odoo.sink.throttle.Sleeper;
import io.rigstream.odoo.standin.OdooStandin;
import io.rigstream.odoo.standin.faults.RequestMeter;
import io.rigstream.schemas.JobUsageDaily;
import io.rigstream.schemas.registry.SchemaRegistryClient;
import io.rigstream.schemas.topics.Topics;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Records per second the sink delivers to the stand-in Odoo at a given per-call latency, batched versus one record
 * per call, under the default limits and with the rate limit lifted; with records per call and the busiest second
 * seen at the server. Runs the real delivery path (decode, map, project lookup, load, throttle) for the usage lane;
 * Kafka polling and commits are left out, they are not the bottleneck. Not a test: run it by hand,
 * {@code mvn -o -q -pl odoo-sink -am test-compile exec:...} or from the IDE; see the README for the command.
 */
public final class OdooSinkBenchmark {

    private record Result(String limits, long latencyMs, int batchSize, int records, double seconds, int calls,
            double recordsPerLoad, int busiestSecond) {
    }

    private OdooSinkBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        List<Result> results = new ArrayList<>();
        for (long latency : new long[] {50, 200}) {
            results.add(run("defaults (5 calls/s, 250 records/s)", Map.of(), latency, 100, 1_000));
            results.add(run("defaults (5 calls/s, 250 records/s)", Map.of(), latency, 1, 40));
            Map<String, String> lifted = Map.of(OdooSinkConfig.RATE_REQUESTS, "1000", OdooSinkConfig.RATE_RECORDS, "1000000");
            results.add(run("lifted", lifted, latency, 100, 2_000));
            results.add(run("lifted", lifted, latency, 1, latency == 50 ? 100 : 40));
        }
        System.out.println("| limits | latency per call | records per call (max) | records | records/s | calls | records per load | most calls in 1 s |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        for (Result r : results) {
            System.out.printf("| %s | %d ms | %d | %d | %.1f | %d | %.1f | %d |%n", r.limits(), r.latencyMs(), r.batchSize(), r.records(),
                    r.records() / r.seconds(), r.calls(), r.recordsPerLoad(), r.busiestSecond());
        }
    }

    private static Result run(String limits, Map<String, String> overrides, long latencyMs, int batchSize, int records) throws Exception {
        try (OdooStandin standin = OdooStandin.start()) {
            standin.state().createProject("J-1001");
            Map<String, String> settings = new HashMap<>(overrides);
            settings.put(OdooSinkConfig.RATE_REQUESTS, overrides.getOrDefault(OdooSinkConfig.RATE_REQUESTS, "5"));
            settings.put(OdooSinkConfig.RATE_RECORDS, overrides.getOrDefault(OdooSinkConfig.RATE_RECORDS, "250"));
            settings.put(OdooSinkConfig.BATCH_MAX_RECORDS, Integer.toString(batchSize));
            OdooSinkConfig config = Fixtures.live(standin.url(), settings);
            SchemaRegistryClient registry = config.common().schemaRegistry();
            RequestThrottle throttle = new RequestThrottle(config.throttle(), Clock.systemUTC(), Sleeper.SYSTEM, SinkMetrics.none());
            BatchDelivery delivery = SinkWiring.delivery(config, SinkWiring.liveSession(config, throttle, SinkMetrics.none(), Clock.systemUTC()),
                    registry, letters -> { }, SinkMetrics.none());
            List<PendingRecord> input = usage(registry, records);
            delivery.deliver(Batch.of(Lane.USAGE, input.subList(0, 1)));
            standin.faults().delayEachRequest(Duration.ofMillis(latencyMs));
            standin.meter().reset();

            long started = System.nanoTime();
            for (int from = 1; from < records; from += batchSize) {
                BatchOutcome outcome = delivery.deliver(Batch.of(Lane.USAGE, input.subList(from, Math.min(records, from + batchSize))));
                if (outcome.needsRetry() || outcome.isFatal()) {
                    throw new IllegalStateException("benchmark batch failed: " + outcome.failure());
                }
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            RequestMeter meter = standin.meter();
            double perLoad = meter.loads().stream().mapToInt(RequestMeter.LoadCall::rows).average().orElse(0);
            return new Result(limits, latencyMs, batchSize, records - 1, seconds, meter.requests(), perLoad,
                    meter.maxInAnyWindow(Duration.ofSeconds(1)));
        }
    }

    private static List<PendingRecord> usage(SchemaRegistryClient registry, int count) {
        JobUsageDaily template = Fixtures.read(JobUsageDaily.class, "job-usage-daily.json");
        var serializer = Topics.JOB_USAGE_DAILY.valueSerde(registry).serializer();
        List<PendingRecord> records = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            JobUsageDaily day = JobUsageDaily.newBuilder(template).setEquipmentId("EX-" + (i % 50)).setDay(template.getDay().plusDays(i / 50)).build();
            records.add(new PendingRecord(Topics.JOB_USAGE_DAILY.name(), 0, i, null, serializer.serialize(Topics.JOB_USAGE_DAILY.name(), day)));
        }
        return records;
    }
}
