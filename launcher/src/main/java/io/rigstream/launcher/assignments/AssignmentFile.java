package io.rigstream.launcher.assignments;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.rigstream.schemas.ContractBasis;
import io.rigstream.schemas.ContractTerms;
import io.rigstream.schemas.EquipmentAssignment;
import io.rigstream.schemas.ShiftCalendar;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads equipment assignments from a YAML file ({@code assignments:} list) or a CSV file (header row, one assignment a
 * line; working days separated by ';'). Both carry the same fields; see docs/examples/. Every problem is reported with
 * the entry and the field, and nothing is published from a file with a bad entry.
 */
public final class AssignmentFile {

    private static final List<String> FIELDS = List.of("assignmentId", "tenant", "equipmentId", "jobId", "validFrom", "validTo",
            "siteTimeZone", "workingDays", "shiftStart", "shiftEnd", "basis", "allowanceHours", "minimumDailyHours",
            "downtimeCredit", "contractStart");
    private static final Map<ContractBasis, Double> DEFAULT_ALLOWANCE = Map.of(ContractBasis.DAY, 8.0,
            ContractBasis.WEEK, 40.0, ContractBasis.PERIOD, 160.0);

    private AssignmentFile() {
    }

    public static List<EquipmentAssignment> read(Path file) throws IOException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        List<Map<String, String>> entries = name.endsWith(".csv") ? csv(Files.readAllLines(file)) : yaml(file);
        List<EquipmentAssignment> assignments = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            try {
                assignments.add(toAssignment(entries.get(i)));
            } catch (IllegalArgumentException | DateTimeException e) {
                problems.add("entry " + (i + 1) + ": " + e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(file + " has invalid assignments, nothing published:\n  " + String.join("\n  ", problems));
        }
        return assignments;
    }

    private static List<Map<String, String>> yaml(Path file) throws IOException {
        JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
        JsonNode list = root == null ? null : root.get("assignments");
        if (list == null || !list.isArray()) {
            throw new IllegalArgumentException(file + ": expected a top-level 'assignments:' list");
        }
        List<Map<String, String>> entries = new ArrayList<>();
        for (JsonNode item : list) {
            Map<String, String> entry = new LinkedHashMap<>();
            item.fields().forEachRemaining(field -> entry.put(field.getKey(), field.getValue().isArray()
                    ? String.join(";", iterable(field.getValue())) : field.getValue().isNull() ? "" : field.getValue().asText()));
            entries.add(entry);
        }
        return entries;
    }

    private static List<String> iterable(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }

    private static List<Map<String, String>> csv(List<String> lines) {
        List<String> content = lines.stream().filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
        if (content.isEmpty()) {
            return List.of();
        }
        String[] header = content.get(0).split(",", -1);
        List<Map<String, String>> entries = new ArrayList<>();
        for (String line : content.subList(1, content.size())) {
            String[] cells = line.split(",", -1);
            if (cells.length != header.length) {
                throw new IllegalArgumentException("CSV line '" + line + "' has " + cells.length + " cells, the header " + header.length);
            }
            Map<String, String> entry = new LinkedHashMap<>();
            for (int c = 0; c < header.length; c++) {
                entry.put(header[c].trim(), cells[c].trim());
            }
            entries.add(entry);
        }
        return entries;
    }

    private static EquipmentAssignment toAssignment(Map<String, String> entry) {
        for (String key : entry.keySet()) {
            if (!FIELDS.contains(key)) {
                throw new IllegalArgumentException("unknown field '" + key + "'; fields are " + FIELDS);
            }
        }
        ContractBasis basis = ContractBasis.valueOf(required(entry, "basis").toUpperCase(Locale.ROOT));
        String start = required(entry, "shiftStart");
        String end = required(entry, "shiftEnd");
        if (!LocalTime.parse(end).isAfter(LocalTime.parse(start))) {
            throw new IllegalArgumentException("shiftEnd " + end + " must be after shiftStart " + start);
        }
        Instant from = Instant.parse(required(entry, "validFrom"));
        String to = entry.getOrDefault("validTo", "");
        if (!to.isEmpty() && !Instant.parse(to).isAfter(from)) {
            throw new IllegalArgumentException("validTo " + to + " must be after validFrom " + from);
        }
        List<String> days = Arrays.stream(required(entry, "workingDays").split(";")).map(String::trim)
                .map(d -> DayOfWeek.valueOf(d.toUpperCase(Locale.ROOT)).name()).toList();
        String contractStart = entry.getOrDefault("contractStart", "");
        return EquipmentAssignment.newBuilder()
                .setAssignmentId(required(entry, "assignmentId"))
                .setTenant(required(entry, "tenant"))
                .setEquipmentId(required(entry, "equipmentId"))
                .setJobId(required(entry, "jobId"))
                .setValidFrom(from)
                .setValidTo(to.isEmpty() ? null : Instant.parse(to))
                .setSiteTimeZone(ZoneId.of(required(entry, "siteTimeZone")).getId())
                .setShift(new ShiftCalendar(days, start, end))
                .setContract(ContractTerms.newBuilder()
                        .setBasis(basis)
                        .setAllowanceHours(number(entry, "allowanceHours", DEFAULT_ALLOWANCE.get(basis)))
                        .setMinimumDailyHours(number(entry, "minimumDailyHours", 0.0))
                        .setDowntimeCredit(!"false".equalsIgnoreCase(entry.getOrDefault("downtimeCredit", "true")))
                        .setContractStart(contractStart.isEmpty() ? null : LocalDate.parse(contractStart))
                        .build())
                .build();
    }

    private static String required(Map<String, String> entry, String field) {
        String value = entry.getOrDefault(field, "");
        if (value.isEmpty()) {
            throw new IllegalArgumentException("'" + field + "' is required");
        }
        return value;
    }

    private static double number(Map<String, String> entry, String field, double fallback) {
        String value = entry.getOrDefault(field, "");
        if (value.isEmpty()) {
            return fallback;
        }
        try {
            double parsed = Double.parseDouble(value);
            if (parsed < 0) {
                throw new IllegalArgumentException("'" + field + "' must not be negative: " + value);
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + field + "' is not a number: " + value);
        }
    }
}
