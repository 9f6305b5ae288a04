package io.rigstream.simulator.truth;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The exact answer to a simulation, computed from the simulated machines, never from rigstream's code: usage per
 * job x equipment x site-local day, the maintenance events that must be raised, and the messages that must be
 * dead-lettered.
 */
public final class GroundTruth {

    /** A maintenance trigger or downtime episode rigstream must report exactly once. */
    public record ExpectedEvent(String equipmentId, String kind, String detail) {
    }

    private final Map<String, DayUsageTruth> days = new TreeMap<>();
    private final List<ExpectedEvent> events = new ArrayList<>();
    private final Map<String, Integer> rejectsByReason = new TreeMap<>();
    private long validReadings;
    private long messages;
    private long duplicateMessages;

    public DayUsageTruth day(String jobId, String equipmentId, LocalDate day) {
        return days.computeIfAbsent(jobId + "/" + equipmentId + "/" + day, k -> new DayUsageTruth(jobId, equipmentId, day));
    }

    void record(DayUsageTruth day, double engine, double idle, double fuel, double distance, double downtime) {
        day.add(engine, idle, fuel, distance, downtime);
    }

    public void addUsage(String jobId, String equipmentId, LocalDate date, double engine, double idle, double fuel,
            double distance, double downtime) {
        record(day(jobId, equipmentId, date), engine, idle, fuel, distance, downtime);
    }

    public void expect(ExpectedEvent event) {
        events.add(event);
    }

    public void expectReject(String reason) {
        rejectsByReason.merge(reason, 1, Integer::sum);
    }

    public void countReadings(int readings) {
        validReadings += readings;
    }

    public void countMessage(boolean duplicate) {
        messages++;
        if (duplicate) {
            duplicateMessages++;
        }
    }

    public Collection<DayUsageTruth> days() {
        return days.values();
    }

    public List<ExpectedEvent> events() {
        return List.copyOf(events);
    }

    public Map<String, Integer> rejectsByReason() {
        return Map.copyOf(rejectsByReason);
    }

    /** Distinct valid readings the gateways took (re-sent copies not counted). */
    public long validReadings() {
        return validReadings;
    }

    public long messages() {
        return messages;
    }

    public long duplicateMessages() {
        return duplicateMessages;
    }

    public void writeJson(Path file) throws IOException {
        ObjectMapper json = new ObjectMapper();
        ObjectNode root = json.createObjectNode();
        root.put("validReadings", validReadings);
        root.put("messages", messages);
        root.put("duplicateMessages", duplicateMessages);
        ArrayNode usage = root.putArray("usage");
        for (DayUsageTruth day : days.values()) {
            usage.addObject().put("jobId", day.jobId()).put("equipmentId", day.equipmentId()).put("day", day.day().toString())
                    .put("engineHours", day.engineHours()).put("idleHours", day.idleHours())
                    .put("workingHours", day.workingHours()).put("downtimeHours", day.downtimeHours())
                    .put("fuelLitres", day.fuelLitres()).put("distanceKm", day.distanceKm())
                    .put("shiftHours", day.shiftHours()).put("billableHours", day.billableHours())
                    .put("overtimeHours", day.overtimeHours());
        }
        ArrayNode expected = root.putArray("events");
        events.forEach(e -> expected.addObject().put("equipmentId", e.equipmentId()).put("kind", e.kind()).put("detail", e.detail()));
        ObjectNode rejects = root.putObject("rejectsByReason");
        rejectsByReason.forEach(rejects::put);
        json.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), root);
    }
}
