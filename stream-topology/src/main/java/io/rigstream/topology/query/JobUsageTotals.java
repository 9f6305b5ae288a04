package io.rigstream.topology.query;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Sums of a job's daily figures per equipment, over the days asked for: the figures a billing period is invoiced on. */
final class JobUsageTotals {

    private static final List<String> SUMMED = List.of("engineHours", "idleHours", "workingHours", "downtimeHours",
            "shiftHours", "availableHours", "standbyHours", "billableHours", "overtimeHours", "fuelLitres", "distanceKm");

    private JobUsageTotals() {
    }

    static Map<String, Map<String, Double>> byEquipment(List<Map<String, Object>> days) {
        Map<String, Map<String, Double>> totals = new TreeMap<>();
        for (Map<String, Object> day : days) {
            Map<String, Double> sums = totals.computeIfAbsent((String) day.get("equipmentId"), e -> new TreeMap<>());
            for (String field : SUMMED) {
                sums.merge(field, ((Number) day.get(field)).doubleValue(), Double::sum);
            }
        }
        return totals;
    }
}
