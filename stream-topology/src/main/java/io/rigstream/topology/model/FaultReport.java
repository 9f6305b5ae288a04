package io.rigstream.topology.model;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one reading said about faults: the full set of codes active at its device time. Only readings that carry a
 * {@code faults} field produce a report; a reading without it says nothing, so the previous report stays in force.
 */
public record FaultReport(long deviceTs, List<FaultCode> active) {

    public FaultReport {
        active = List.copyOf(active);
    }

    /** Alert (red or amber) codes by code, in a stable order. */
    public Map<String, FaultCode> alerts() {
        Map<String, FaultCode> alerts = new TreeMap<>();
        active.stream().filter(FaultCode::isAlert).forEach(f -> alerts.put(f.code(), f));
        return alerts;
    }

    public List<FaultCode> redFaults() {
        return active.stream().filter(FaultCode::isRed).toList();
    }

    /** Downtime: at least one red-lamp code is active. */
    public boolean isDown() {
        return active.stream().anyMatch(FaultCode::isRed);
    }
}
