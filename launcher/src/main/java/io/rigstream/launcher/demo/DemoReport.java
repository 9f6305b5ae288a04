package io.rigstream.launcher.demo;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.rigstream.schemas.DowntimeEvent;
import io.rigstream.schemas.JobUsageDaily;
import io.rigstream.schemas.MaintenanceTrigger;
import io.rigstream.simulator.truth.DayUsageTruth;
import io.rigstream.simulator.truth.GroundTruth;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** The demo's closing report: what went in, what rigstream made of it, and how that compares with the truth. */
public final class DemoReport {

    private final PrintStream out;

    public DemoReport(PrintStream out) {
        this.out = out;
    }

    /** Per job and site-local day: summed over the job's equipment. */
    private record JobDay(double engine, double idle, double billable, double overtime, double fuel, double downtime, int machines) {
        JobDay plus(JobUsageDaily usage) {
            return new JobDay(engine + usage.getEngineHours(), idle + usage.getIdleHours(), billable + usage.getBillableHours(),
                    overtime + usage.getOvertimeHours(), fuel + usage.getFuelLitres(), downtime + usage.getDowntimeHours(), machines + 1);
        }
    }

    public void print(MeterRegistry metrics, Collection<JobUsageDaily> usage, Collection<MaintenanceTrigger> triggers,
            Collection<DowntimeEvent> downtime, GroundTruth truth, long messagesPublished, Path outbox, double seconds)
            throws IOException {
        out.println();
        out.println("rigstream demo report");
        out.println("=====================");
        out.printf("MQTT messages published        %,10d  (%,d re-sent by gateways, %,d malformed)%n", messagesPublished,
                truth.duplicateMessages(), truth.rejectsByReason().values().stream().mapToInt(Integer::intValue).sum());
        out.printf("readings into Kafka            %,10.0f%n", count(metrics, "rigstream.ingest.readings.forwarded"));
        out.printf("readings rejected by bridge    %,10.0f  %s%n", count(metrics, "rigstream.ingest.readings.rejected"),
                byTag(metrics, "rigstream.ingest.readings.rejected", "reason"));
        out.printf("duplicates dropped by topology %,10.0f%n", countTagged(metrics, "rigstream.topology.readings", "outcome", "duplicate"));
        out.printf("distinct readings (truth)      %,10d%n", truth.validReadings());
        out.println();
        out.println("Per job and site-local day (sum over the job's machines; final figures, latest revision)");
        out.printf("%-6s %-10s %4s %9s %8s %9s %9s %9s %9s %11s%n", "job", "day", "eqp", "engine h", "idle h", "billable", "overtime",
                "fuel L", "downtime", "truth eng h");
        Map<String, JobDay> byJobDay = new TreeMap<>();
        java.util.Set<java.time.LocalDate> simulatedDays = truth.days().stream().map(DayUsageTruth::day)
                .collect(Collectors.toSet());
        for (JobUsageDaily day : usage) {
            // Contract minimums also bill assigned days before the simulation; the report shows the simulated ones.
            if (!simulatedDays.contains(day.getDay())) {
                continue;
            }
            byJobDay.merge(day.getJobId() + " " + day.getDay(), new JobDay(0, 0, 0, 0, 0, 0, 0).plus(day),
                    (a, b) -> new JobDay(a.engine + b.engine, a.idle + b.idle, a.billable + b.billable, a.overtime + b.overtime,
                            a.fuel + b.fuel, a.downtime + b.downtime, a.machines + b.machines));
        }
        Map<String, Double> truthEngine = truth.days().stream().collect(Collectors.groupingBy(
                d -> d.jobId() + " " + d.day(), TreeMap::new, Collectors.summingDouble(DayUsageTruth::engineHours)));
        double totalEngine = 0;
        for (Map.Entry<String, JobDay> entry : byJobDay.entrySet()) {
            String[] key = entry.getKey().split(" ");
            JobDay d = entry.getValue();
            totalEngine += d.engine;
            out.printf("%-6s %-10s %4d %9.2f %8.2f %9.2f %9.2f %9.1f %9.2f %11.2f%n", key[0], key[1], d.machines, d.engine, d.idle,
                    d.billable, d.overtime, d.fuel, d.downtime, truthEngine.getOrDefault(entry.getKey(), 0.0));
        }
        out.printf("engine hours, all jobs: rigstream %.2f h, ground truth %.2f h%n", totalEngine,
                truth.days().stream().mapToDouble(DayUsageTruth::engineHours).sum());
        out.println();
        out.println("Maintenance triggers: " + (triggers.isEmpty() ? "none" : triggers.stream()
                .collect(Collectors.groupingBy(t -> t.getKind().name(), TreeMap::new, Collectors.counting()))));
        triggers.forEach(t -> out.printf("  %-16s %-8s %s%n", t.getKind(), t.getEquipmentId(), t.getDetail()));
        out.println("Downtime and silence events: " + (downtime.isEmpty() ? "none" : downtime.stream()
                .collect(Collectors.groupingBy(e -> e.getKind().name(), TreeMap::new, Collectors.counting()))));
        out.println();
        long outboxLines = Files.exists(outbox) ? Files.lines(outbox).count() : 0;
        out.printf("Odoo calls (dry run) written to %s (%,d lines)%n", outbox.toAbsolutePath(), outboxLines);
        out.printf("Finished in %.1f s%n", seconds);
    }

    private static double count(MeterRegistry metrics, String name) {
        return metrics.find(name).counters().stream().mapToDouble(Counter::count).sum();
    }

    private static double countTagged(MeterRegistry metrics, String name, String tag, String value) {
        return metrics.find(name).tag(tag, value).counters().stream().mapToDouble(Counter::count).sum();
    }

    private static Map<String, Long> byTag(MeterRegistry metrics, String name, String tag) {
        return metrics.find(name).counters().stream().collect(Collectors.toMap(c -> c.getId().getTag(tag),
                c -> (long) c.count(), Long::sum, TreeMap::new));
    }
}
