package io.rigstream.simulator.gateway;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rigstream.simulator.fleet.Machine;
import io.rigstream.simulator.fleet.MachineState;
import io.rigstream.simulator.fleet.MachineState.Activity;
import io.rigstream.simulator.fleet.MachineType;
import java.time.Instant;
import java.util.List;

/** Writes readings as the gateway payload contract v1 has them (single reading or store-and-forward batch). */
public final class ReadingPayloads {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ReadingPayloads() {
    }

    /** The reading a gateway would take of {@code machine} now. */
    public static ObjectNode reading(Machine machine, Instant at, long seq, double speedKmh, double loadPct, ArrayNode faults) {
        MachineState state = machine.state();
        boolean running = state.activity() != Activity.OFF;
        ObjectNode reading = JSON.createObjectNode();
        reading.put("ts", at.toString());
        reading.put("seq", seq);
        ObjectNode gps = reading.putObject("gps");
        gps.put("lat", round(state.latitude(), 6));
        gps.put("lon", round(state.longitude(), 6));
        gps.put("speedKmh", round(speedKmh, 2));
        gps.put("sats", 9);
        ObjectNode engine = reading.putObject("engine");
        engine.put("running", running);
        // Telehandler gateways in this fleet have no CAN access to the counters: rigstream must work from
        // engine.running and the tank level instead.
        boolean counters = reportsCounters(machine.type());
        if (counters) {
            engine.put("hourMeter", round(state.hourMeter(), 4));
            engine.put("idleHours", round(state.idleHours(), 4));
        }
        if (running) {
            engine.put("rpm", state.activity() == Activity.IDLE ? 800 : 1600);
            engine.put("loadPct", round(loadPct, 1));
        }
        ObjectNode fuel = reading.putObject("fuel");
        fuel.put("levelPct", round(100.0 * state.fuelLitres() / machine.type().tankLitres(), 3));
        fuel.put("tankLitres", machine.type().tankLitres());
        if (counters) {
            fuel.put("usedLitres", round(state.fuelUsedLitres(), 4));
        }
        reading.put("odometerKm", round(state.odometerKm(), 4));
        reading.set("faults", faults);
        return reading;
    }

    /** Whether gateways on this type of machine send the hour meter, idle hours and fuel-used counters. */
    public static boolean reportsCounters(MachineType type) {
        return type != MachineType.TELEHANDLER;
    }

    public static ArrayNode faults() {
        return JSON.createArrayNode();
    }

    public static byte[] single(ObjectNode reading) {
        return bytes(reading);
    }

    public static byte[] batch(String equipmentId, List<ObjectNode> readings) {
        ObjectNode batch = JSON.createObjectNode();
        batch.put("equipmentId", equipmentId);
        batch.putArray("readings").addAll(readings);
        return bytes(batch);
    }

    private static byte[] bytes(ObjectNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot happen: a tree of plain values always serializes", e);
        }
    }

    private static double round(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }
}
