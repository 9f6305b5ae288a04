package io.rigstream.simulator.gateway;

import java.time.Instant;

/** The ways real gateways get the contract wrong, each with the reason code the bridge must give. */
public final class MalformedPayloads {

    /** A broken payload and the reason it must be dead-lettered with. */
    public record Malformed(String payload, String reason) {
    }

    private MalformedPayloads() {
    }

    public static Malformed pick(int n, String equipmentId, Instant at) {
        return switch (n % 5) {
            case 0 -> new Malformed("{\"ts\": \"" + at + "\", \"engine\": {\"running\": tru", "MALFORMED_JSON");
            case 1 -> new Malformed("{\"ts\": \"" + at + "\", \"gps\": {\"lat\": 123.0, \"lon\": 10.0}}", "OUT_OF_RANGE");
            case 2 -> new Malformed("{\"engine\": {\"running\": true, \"hourMeter\": 12.5}}", "MISSING_FIELD");
            case 3 -> new Malformed("{\"ts\": \"" + at + "\", \"fuel\": {\"levelPct\": \"full\"}}", "BAD_TYPE");
            default -> new Malformed("{\"ts\": \"" + at + "\", \"equipmentId\": \"" + equipmentId + "-X\", \"engine\": {\"running\": true}}",
                    "EQUIPMENT_MISMATCH");
        };
    }
}
