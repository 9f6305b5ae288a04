package io.rigstream.e2e.harness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rigstream.odoo.standin.StandinState;
import io.rigstream.schemas.DowntimeEvent;
import io.rigstream.schemas.DowntimeKind;
import io.rigstream.schemas.JobUsageDaily;
import io.rigstream.schemas.MaintenanceTrigger;
import io.rigstream.schemas.RejectedReading;
import io.rigstream.schemas.TelemetryReading;
import io.rigstream.schemas.topics.Topics;
import io.rigstream.simulator.Simulation;
import io.rigstream.simulator.gateway.GatewayMessage;
import io.rigstream.simulator.truth.DayUsageTruth;
import io.rigstream.simulator.truth.GroundTruth.ExpectedEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Compares what the pipeline produced (on its topics and in the Odoo stand-in) with the simulator's ground truth. Each
 * check returns the discrepancies it found, one line each, so a failing test says exactly what is wrong. Expected
 * values come from the truth and from the messages the gateways sent, never from the pipeline's output.
 *
 * <p>Tolerances (docs/e2e.md): gateways report counters rounded to 4 decimals (hour meters to 0.36 s, fuel to
 * 0.1 mL, odometers to 0.1 m) and tank levels to 0.001 % of the tank, and the truth sums exact one-minute steps. A
 * day's figure is a difference of two rounded counter values (plus one per meter reset), and levels are read only
 * while the engine runs, so a day's hours may differ from the truth by a few rounding steps: {@value #HOURS_PER_DAY}
 * h (3.6 s). Totals of hours per equipment telescope over the same counters and must agree to {@value #HOURS_TOTAL}
 * h. Fuel and distance are split per reading interval in whole millilitres and metres, so they may be off by half a
 * unit per running interval (see {@link #fuelTolerance}). Odoo holds billable hours as rigstream writes them, rounded
 * to 0.01 h.
 */
public final class GroundTruthCheck implements AutoCloseable {

    public static final double HOURS_PER_DAY = 0.001;
    public static final double HOURS_TOTAL = 0.001;
    public static final double ODOO_HOURS = 0.005 + HOURS_PER_DAY;
    /** maintenance.stage "Repaired": where the sink moves a request whose fault cleared or downtime ended. */
    public static final int REPAIRED_STAGE = 3;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter COMPACT_DAY = DateTimeFormatter.BASIC_ISO_DATE;

    private final Simulation simulation;
    private final E2ePipeline pipeline;
    private final TopicCollector<TelemetryReading> readings;
    private final TopicCollector<RejectedReading> rejected;
    private final TopicCollector<JobUsageDaily> usage;
    private final TopicCollector<MaintenanceTrigger> triggers;
    private final TopicCollector<DowntimeEvent> downtime;
    private final TopicCollector<RejectedReading> odooRejected;

    public GroundTruthCheck(Simulation simulation, E2ePipeline pipeline) {
        this.simulation = simulation;
        this.pipeline = pipeline;
        String bootstrap = pipeline.kafka().bootstrapServers();
        this.readings = new TopicCollector<>(bootstrap, pipeline.registry(), Topics.READINGS);
        this.rejected = new TopicCollector<>(bootstrap, pipeline.registry(), Topics.REJECTED);
        this.usage = new TopicCollector<>(bootstrap, pipeline.registry(), Topics.JOB_USAGE_DAILY);
        this.triggers = new TopicCollector<>(bootstrap, pipeline.registry(), Topics.MAINTENANCE);
        this.downtime = new TopicCollector<>(bootstrap, pipeline.registry(), Topics.DOWNTIME);
        this.odooRejected = new TopicCollector<>(bootstrap, pipeline.registry(), Topics.ODOO_REJECTED);
    }

    // ---- the bridge

    /**
     * Valid readings the gateways sent that are not on the readings topic, as runs of consecutive sequence numbers per
     * equipment (e.g. {@code EX-0001 seq 6000..6239 (240)}), with the total first.
     */
    public List<String> lostReadings() {
        Set<String> seen = readings.values().stream().map(r -> r.getEquipmentId() + "/" + r.getSeq()).collect(Collectors.toSet());
        List<String> expected = expectedReadingIds();
        Map<String, List<Long>> lost = new TreeMap<>();
        expected.stream().filter(id -> !seen.contains(id)).forEach(id -> lost.computeIfAbsent(id.split("/")[0], k -> new ArrayList<>())
                .add(Long.parseLong(id.split("/")[1])));
        if (lost.isEmpty()) {
            return List.of();
        }
        List<String> problems = new ArrayList<>();
        problems.add(lost.values().stream().mapToInt(List::size).sum() + " of " + expected.size() + " valid readings lost");
        lost.forEach((equipment, seqs) -> {
            seqs.sort(null);
            long start = seqs.get(0);
            long previous = start;
            for (int i = 1; i <= seqs.size(); i++) {
                if (i == seqs.size() || seqs.get(i) != previous + 1) {
                    problems.add(equipment + " seq " + start + ".." + previous + " (" + (previous - start + 1) + ")");
                    if (i < seqs.size()) {
                        start = seqs.get(i);
                    }
                }
                if (i < seqs.size()) {
                    previous = seqs.get(i);
                }
            }
        });
        return problems;
    }

    /** Readings on the topic that no gateway sent. */
    public List<String> inventedReadings() {
        Set<String> expected = new HashSet<>(expectedReadingIds());
        return readings.values().stream().map(r -> r.getEquipmentId() + "/" + r.getSeq()).filter(id -> !expected.contains(id))
                .distinct().limit(20).toList();
    }

    /**
     * Malformed payloads without their dead letter, or dead-lettered with another reason, and dead letters nobody
     * expected. With {@code exactlyOnce}, a malformed payload dead-lettered twice is a discrepancy too (a bridge that
     * was killed may legitimately dead-letter a redelivered message again).
     */
    public List<String> rejectMismatches(boolean exactlyOnce) {
        Map<String, Long> expected = simulation.messages().stream().filter(m -> m.expectedReject().isPresent())
                .collect(Collectors.groupingBy(m -> rejectKey(m.topic(), m.payload(), m.expectedReject().get()), TreeMap::new,
                        Collectors.counting()));
        Map<String, Long> actual = rejected.values().stream().filter(r -> r.getStage().equals("ingest"))
                .collect(Collectors.groupingBy(r -> rejectKey(r.getSourceTopic(), bytes(r), r.getReason()), TreeMap::new,
                        Collectors.counting()));
        List<String> problems = new ArrayList<>();
        expected.forEach((key, count) -> {
            long got = actual.getOrDefault(key, 0L);
            if (got == 0 || (exactlyOnce && got != count)) {
                problems.add("expected dead letter x" + count + ", got x" + got + ": " + key);
            }
        });
        actual.keySet().stream().filter(key -> !expected.containsKey(key)).forEach(key -> problems.add("unexpected dead letter: " + key));
        rejected.values().stream().filter(r -> !r.getStage().equals("ingest"))
                .forEach(r -> problems.add("dead letter from " + r.getStage() + ": " + r.getReason() + " " + r.getDetail()));
        return problems;
    }

    // ---- the topology

    /** Latest revision per job x equipment x day. */
    public Map<String, JobUsageDaily> latestUsage() {
        Map<String, JobUsageDaily> latest = new TreeMap<>();
        for (JobUsageDaily day : usage.values()) {
            latest.merge(dayKey(day.getJobId(), day.getEquipmentId(), day.getDay().toString()), day,
                    (a, b) -> a.getRevision() >= b.getRevision() ? a : b);
        }
        return latest;
    }

    /** Every figure of every job day against the truth, and job days present on one side only. */
    public List<String> usageMismatches() {
        Map<String, JobUsageDaily> actual = latestUsage();
        List<String> problems = new ArrayList<>();
        for (DayUsageTruth truth : simulation.truth().days()) {
            String key = dayKey(truth.jobId(), truth.equipmentId(), truth.day().toString());
            JobUsageDaily day = actual.get(key);
            if (day == null) {
                problems.add("missing job day " + key);
                continue;
            }
            compare(problems, key, "engine", truth.engineHours(), day.getEngineHours(), HOURS_PER_DAY);
            compare(problems, key, "idle", truth.idleHours(), day.getIdleHours(), HOURS_PER_DAY);
            compare(problems, key, "working", truth.workingHours(), day.getWorkingHours(), HOURS_PER_DAY);
            compare(problems, key, "downtime", truth.downtimeHours(), day.getDowntimeHours(), HOURS_PER_DAY);
            compare(problems, key, "shift", truth.shiftHours(), day.getShiftHours(), HOURS_PER_DAY);
            compare(problems, key, "available", truth.availableHours(), day.getAvailableHours(), HOURS_PER_DAY);
            compare(problems, key, "billable", truth.billableHours(), day.getBillableHours(), HOURS_PER_DAY);
            compare(problems, key, "overtime", truth.overtimeHours(), day.getOvertimeHours(), HOURS_PER_DAY);
            compare(problems, key, "fuel", truth.fuelLitres(), day.getFuelLitres(), fuelTolerance(truth));
            compare(problems, key, "distance", truth.distanceKm(), day.getDistanceKm(), distanceTolerance(truth));
        }
        Set<String> expectedKeys = simulation.truth().days().stream()
                .map(d -> dayKey(d.jobId(), d.equipmentId(), d.day().toString())).collect(Collectors.toSet());
        actual.keySet().stream().filter(key -> !expectedKeys.contains(key)).forEach(key -> problems.add("unexpected job day " + key));
        return problems;
    }

    /** Engine, idle, fuel and distance summed over each machine's days, against the truth's sums. */
    public List<String> equipmentTotalMismatches() {
        List<String> problems = new ArrayList<>();
        Collection<JobUsageDaily> days = latestUsage().values();
        totals(problems, "engine h", days, DayUsageTruth::engineHours, JobUsageDaily::getEngineHours, day -> 0, HOURS_TOTAL);
        totals(problems, "idle h", days, DayUsageTruth::idleHours, JobUsageDaily::getIdleHours, day -> 0, HOURS_TOTAL);
        totals(problems, "billable h", days, DayUsageTruth::billableHours, JobUsageDaily::getBillableHours, day -> 0, HOURS_TOTAL);
        totals(problems, "fuel L", days, DayUsageTruth::fuelLitres, JobUsageDaily::getFuelLitres, this::fuelTolerance, 0);
        totals(problems, "distance km", days, DayUsageTruth::distanceKm, JobUsageDaily::getDistanceKm, this::distanceTolerance, 0);
        return problems;
    }

    /**
     * Maintenance triggers on their topic, latest per id and kind (a FAULT_CLEARED reuses its FAULT's id, so the
     * compacted topic ends with the clearance), against the truth's events: each exactly once.
     */
    public List<String> triggerMismatches() {
        Map<String, MaintenanceTrigger> latest = new HashMap<>();
        triggers.records().forEach(r -> {
            if (r.value() != null) {
                latest.put(r.key() + "#" + r.value().getKind(), r.value());
            }
        });
        List<String> actual = latest.values().stream().filter(t -> t != null).map(GroundTruthCheck::eventKey).toList();
        List<String> expected = simulation.truth().events().stream()
                .filter(e -> !e.kind().startsWith("DOWNTIME")).map(GroundTruthCheck::eventKey).toList();
        return multisetDifference("trigger", expected, actual);
    }

    /** Downtime episodes on the downtime topic: one start and one end per episode of the truth. */
    public List<String> downtimeMismatches() {
        List<String> actual = downtime.values().stream()
                .filter(e -> e.getKind() == DowntimeKind.DOWNTIME_STARTED || e.getKind() == DowntimeKind.DOWNTIME_ENDED)
                .map(e -> e.getEquipmentId() + " " + e.getKind().name()).toList();
        List<String> expected = simulation.truth().events().stream().filter(e -> e.kind().startsWith("DOWNTIME"))
                .map(e -> e.equipmentId() + " " + (e.kind().equals("DOWNTIME") ? "DOWNTIME_STARTED" : e.kind())).toList();
        return multisetDifference("downtime event", expected, actual);
    }

    // ---- Odoo

    /** One timesheet line per truth day, billing its billable hours; no other line written by rigstream. */
    public List<String> timesheetMismatches() {
        StandinState odoo = pipeline.odoo().state();
        List<String> problems = new ArrayList<>();
        for (DayUsageTruth truth : simulation.truth().days()) {
            String xmlid = "rigstream.usage_" + truth.jobId() + "_" + truth.equipmentId() + "_" + COMPACT_DAY.format(truth.day());
            var line = odoo.byExternalId(xmlid);
            if (line.isEmpty()) {
                problems.add("no timesheet line " + xmlid);
            } else if (Math.abs(((Number) line.get().get("unit_amount")).doubleValue() - truth.billableHours()) > ODOO_HOURS) {
                problems.add(String.format(Locale.ROOT, "%s bills %s h, truth %.4f h", xmlid, line.get().get("unit_amount"),
                        truth.billableHours()));
            }
        }
        long written = odoo.externalIds("account.analytic.line").keySet().stream().filter(id -> id.startsWith("rigstream.usage_")).count();
        if (written != simulation.truth().days().size()) {
            problems.add("rigstream wrote " + written + " timesheet lines for " + simulation.truth().days().size() + " truth days");
        }
        if (odoo.count("account.analytic.line") != written) {
            problems.add(odoo.count("account.analytic.line") + " timesheet lines in Odoo, " + written + " with rigstream's ids");
        }
        return problems;
    }

    /**
     * One maintenance request per fault episode (closed once cleared), per downtime episode (closed once ended), per
     * service due or due soon, per fuel drop; nothing else; and no record Odoo refused.
     */
    public List<String> maintenanceRequestMismatches() {
        StandinState odoo = pipeline.odoo().state();
        Map<Integer, String> serials = odoo.records("maintenance.equipment").stream()
                .collect(Collectors.toMap(r -> ((Number) r.get("id")).intValue(), r -> String.valueOf(r.get("serial_no"))));
        List<String> actual = odoo.records("maintenance.request").stream().map(r -> serials.get(((Number) r.get("equipment_id")).intValue())
                + " " + requestTitle(String.valueOf(r.get("name"))) + (((Number) r.get("stage_id")).intValue() == REPAIRED_STAGE ? " (closed)" : " (open)"))
                .toList();
        List<ExpectedEvent> events = simulation.truth().events();
        List<String> expected = new ArrayList<>();
        for (ExpectedEvent e : events) {
            boolean cleared = events.stream().anyMatch(o -> o.equipmentId().equals(e.equipmentId())
                    && (e.kind().equals("FAULT") && o.kind().equals("FAULT_CLEARED") && e.detail().startsWith(o.detail() + " ")
                        || e.kind().equals("DOWNTIME") && o.kind().equals("DOWNTIME_ENDED") && o.detail().equals(e.detail())));
            String state = cleared ? " (closed)" : " (open)";
            switch (e.kind()) {
                case "FAULT" -> expected.add(e.equipmentId() + " Fault SPN " + e.detail().split(" ")[1] + state);
                case "DOWNTIME" -> expected.add(e.equipmentId() + " Downtime" + state);
                case "SERVICE_DUE" -> expected.add(e.equipmentId() + " Service due: " + e.detail().split(" ")[0] + " h (open)");
                case "SERVICE_DUE_SOON" -> expected.add(e.equipmentId() + " Service due soon: " + e.detail().split(" ")[0] + " h (open)");
                case "FUEL_DROP" -> expected.add(e.equipmentId() + " Fuel drop (open)");
                default -> {
                    // FAULT_CLEARED and DOWNTIME_ENDED close a request; METER_RESET is not maintenance work.
                }
            }
        }
        List<String> problems = multisetDifference("maintenance request", expected, actual);
        odooRejected.values().forEach(r -> problems.add("Odoo refused " + r.getReason() + ": " + r.getDetail()));
        return problems;
    }

    // ---- helpers

    private List<String> expectedReadingIds() {
        List<String> ids = new ArrayList<>();
        for (GatewayMessage message : simulation.messages()) {
            if (message.readings() == 0) {
                continue; // malformed, or a re-sent copy of a message counted already
            }
            String equipment = message.topic().split("/")[2];
            JsonNode payload = json(message.payload());
            JsonNode list = payload.has("readings") ? payload.get("readings") : JSON.createArrayNode().add(payload);
            list.forEach(reading -> ids.add(equipment + "/" + reading.get("seq").asLong()));
        }
        return ids;
    }

    private void totals(List<String> problems, String what, Collection<JobUsageDaily> days, ToDoubleFunction<DayUsageTruth> truthFigure,
            ToDoubleFunction<JobUsageDaily> actualFigure, ToDoubleFunction<DayUsageTruth> dayTolerance, double fixedTolerance) {
        Map<String, Double> tolerances = simulation.truth().days().stream()
                .collect(Collectors.groupingBy(DayUsageTruth::equipmentId, Collectors.summingDouble(dayTolerance)));
        Map<String, Double> expected = simulation.truth().days().stream()
                .collect(Collectors.groupingBy(DayUsageTruth::equipmentId, TreeMap::new, Collectors.summingDouble(truthFigure)));
        Map<String, Double> actual = days.stream()
                .collect(Collectors.groupingBy(JobUsageDaily::getEquipmentId, Collectors.summingDouble(actualFigure)));
        expected.forEach((equipment, total) -> compare(problems, equipment + " total", what, total,
                actual.getOrDefault(equipment, 0.0), fixedTolerance + tolerances.get(equipment)));
    }

    /**
     * rigstream splits every reading interval's fuel in whole millilitres (rule 2: integer shares, so that sums do not
     * depend on the order of addition): each running interval may be up to 0.5 mL off. Tank levels (telehandlers)
     * add their quantisation, 0.0005 % of the tank at each end of a running stretch: a few mL a day.
     */
    private double fuelTolerance(DayUsageTruth day) {
        return 0.0005 * runningIntervals(day) + 0.01;
    }

    /** Whole metres per interval, as for fuel: up to 0.5 m per running interval. */
    private double distanceTolerance(DayUsageTruth day) {
        return 0.0005 * runningIntervals(day) + 0.001;
    }

    private double runningIntervals(DayUsageTruth day) {
        return Math.ceil(day.engineHours() * 3600.0 / simulation.scenario().onInterval().toSeconds());
    }

    private static void compare(List<String> problems, String key, String figure, double expected, double actual, double tolerance) {
        if (Math.abs(expected - actual) > tolerance) {
            problems.add(String.format(Locale.ROOT, "%s %s: rigstream %.5f, truth %.5f (off by %.5f)", key, figure, actual, expected,
                    actual - expected));
        }
    }

    private static List<String> multisetDifference(String what, List<String> expected, List<String> actual) {
        Map<String, Long> want = expected.stream().collect(Collectors.groupingBy(Function.identity(), TreeMap::new, Collectors.counting()));
        Map<String, Long> got = actual.stream().collect(Collectors.groupingBy(Function.identity(), TreeMap::new, Collectors.counting()));
        List<String> problems = new ArrayList<>();
        want.forEach((key, n) -> {
            if (!n.equals(got.getOrDefault(key, 0L))) {
                problems.add(what + " " + key + ": expected " + n + ", found " + got.getOrDefault(key, 0L));
            }
        });
        got.forEach((key, n) -> {
            if (!want.containsKey(key)) {
                problems.add("unexpected " + what + " " + key + " x" + n);
            }
        });
        return problems;
    }

    private static String eventKey(ExpectedEvent e) {
        return switch (e.kind()) {
            case "FAULT" -> e.equipmentId() + " FAULT spn " + e.detail().split(" ")[1];
            case "FAULT_CLEARED" -> e.equipmentId() + " FAULT_CLEARED " + e.detail();
            case "SERVICE_DUE", "SERVICE_DUE_SOON" -> e.equipmentId() + " " + e.kind() + " " + e.detail();
            default -> e.equipmentId() + " " + e.kind();
        };
    }

    private static String eventKey(MaintenanceTrigger t) {
        return switch (t.getKind()) {
            case FAULT, FAULT_CLEARED -> t.getEquipmentId() + " " + t.getKind() + " spn " + t.getFault().getSpn();
            case SERVICE_DUE, SERVICE_DUE_SOON -> {
                // trigger ids end in <tier>h/<at>h
                String[] parts = t.getTriggerId().split("/");
                yield t.getEquipmentId() + " " + t.getKind() + " " + t.getServiceTierHours() + " h at "
                        + parts[parts.length - 1].replace("h", "") + " h";
            }
            default -> t.getEquipmentId() + " " + t.getKind();
        };
    }

    /** A request's name without the parts the truth does not know: the FMI of a fault, the litres of a fuel drop. */
    private static String requestTitle(String name) {
        if (name.startsWith("Fuel drop")) {
            return "Fuel drop";
        }
        return name.replaceAll(" \\([A-Z]{2}-\\d+\\)$", "").replaceAll("^(Fault SPN \\d+) FMI \\d+$", "$1");
    }

    private static String rejectKey(String topic, byte[] payload, String reason) {
        return reason + " on " + topic + ": " + new String(payload, StandardCharsets.UTF_8);
    }

    private static byte[] bytes(RejectedReading r) {
        byte[] bytes = new byte[r.getPayload().remaining()];
        r.getPayload().duplicate().get(bytes);
        return bytes;
    }

    private static JsonNode json(byte[] payload) {
        try {
            return JSON.readTree(payload);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String dayKey(String job, String equipment, String day) {
        return job + "/" + equipment + "/" + day;
    }

    @Override
    public void close() {
        readings.close();
        rejected.close();
        usage.close();
        triggers.close();
        downtime.close();
        odooRejected.close();
    }
}
