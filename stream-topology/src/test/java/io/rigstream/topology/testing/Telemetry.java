package io.rigstream.topology.testing;

import io.rigstream.schemas.EngineStatus;
import io.rigstream.schemas.Fault;
import io.rigstream.schemas.FuelStatus;
import io.rigstream.schemas.Lamp;
import io.rigstream.schemas.Location;
import io.rigstream.schemas.TelemetryReading;
import io.rigstream.topology.model.Reading;
import io.rigstream.topology.processing.AvroMapping;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Builds Avro telemetry readings as the bridge writes them, for topology tests. */
public final class Telemetry {

    private final String tenant;
    private final String equipmentId;
    private final Instant deviceTs;
    private Long seq;
    private Instant receivedTs;
    private Boolean running;
    private Double hourMeter;
    private Double idleHours;
    private Double loadPct;
    private Double speedKmh;
    private Double latitude;
    private Double longitude;
    private Double fuelPct;
    private Double fuelUsed;
    private Double tank;
    private Double odometer;
    private List<Fault> faults;

    private Telemetry(String tenant, String equipmentId, Instant deviceTs) {
        this.tenant = tenant;
        this.equipmentId = equipmentId;
        this.deviceTs = deviceTs;
        this.receivedTs = deviceTs.plus(Duration.ofSeconds(2));
    }

    public static Telemetry reading(String tenant, String equipmentId, String deviceTs) {
        return new Telemetry(tenant, equipmentId, Instant.parse(deviceTs));
    }

    public static Telemetry reading(String tenant, String equipmentId, Instant deviceTs) {
        return new Telemetry(tenant, equipmentId, deviceTs);
    }

    /** A reading of {@code acme/ex-1}, for rule tests that work on the domain {@link #reading()}. */
    public static Telemetry at(String deviceTs) {
        return reading("acme", "ex-1", deviceTs);
    }

    public static Telemetry at(long deviceTs) {
        return reading("acme", "ex-1", Instant.ofEpochMilli(deviceTs));
    }

    public Telemetry seq(long value) {
        seq = value;
        return this;
    }

    public Telemetry receivedAt(Instant value) {
        receivedTs = value;
        return this;
    }

    public Telemetry running(boolean value) {
        running = value;
        return this;
    }

    public Telemetry meter(double hours) {
        hourMeter = hours;
        return this;
    }

    public Telemetry idleMeter(double hours) {
        idleHours = hours;
        return this;
    }

    public Telemetry load(double pct) {
        loadPct = pct;
        return this;
    }

    public Telemetry speed(double kmh) {
        speedKmh = kmh;
        return this;
    }

    public Telemetry position(double lat, double lon) {
        latitude = lat;
        longitude = lon;
        return this;
    }

    public Telemetry fuel(double pct) {
        fuelPct = pct;
        return this;
    }

    public Telemetry fuelUsed(double litres) {
        fuelUsed = litres;
        return this;
    }

    public Telemetry tank(double litres) {
        tank = litres;
        return this;
    }

    public Telemetry odometer(double km) {
        odometer = km;
        return this;
    }

    /** A faults field: the codes listed are the active ones; none listed reports all clear. */
    public Telemetry faults(Fault... active) {
        faults = new ArrayList<>(List.of(active));
        return this;
    }

    public static Fault red(int spn, int fmi) {
        return Fault.newBuilder().setSpn(spn).setFmi(fmi).setLamp(Lamp.RED).setActive(true).build();
    }

    public static Fault amber(int spn, int fmi) {
        return Fault.newBuilder().setSpn(spn).setFmi(fmi).setLamp(Lamp.AMBER).setActive(true).build();
    }

    public static Fault cleared(Fault fault) {
        return Fault.newBuilder(fault).setActive(false).build();
    }

    public String key() {
        return tenant + "/" + equipmentId;
    }

    public Instant deviceTs() {
        return deviceTs;
    }

    /** The reading as the rules see it, mapped the way the topology maps it. */
    public Reading reading() {
        return AvroMapping.reading(build());
    }

    public TelemetryReading build() {
        boolean hasEngine = running != null || hourMeter != null || idleHours != null || loadPct != null;
        boolean hasGps = latitude != null || speedKmh != null;
        boolean hasFuel = fuelPct != null || fuelUsed != null || tank != null;
        return TelemetryReading.newBuilder()
                .setTenant(tenant)
                .setEquipmentId(equipmentId)
                .setDeviceTs(deviceTs)
                .setSeq(seq)
                .setReceivedTs(receivedTs)
                .setGps(hasGps ? Location.newBuilder().setLatitude(latitude).setLongitude(longitude)
                        .setSpeedKmh(speedKmh).build() : null)
                .setEngine(hasEngine ? EngineStatus.newBuilder().setRunning(running).setCumulativeOperatingHours(hourMeter)
                        .setCumulativeIdleHours(idleHours).setLoadPct(loadPct).build() : null)
                .setFuel(hasFuel ? FuelStatus.newBuilder().setRemainingPct(fuelPct).setCumulativeUsedLitres(fuelUsed)
                        .setTankCapacityLitres(tank).build() : null)
                .setCumulativeDistanceKm(odometer)
                .setFaults(faults)
                .setExt(Map.of())
                .build();
    }
}
