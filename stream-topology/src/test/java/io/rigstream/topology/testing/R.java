package io.rigstream.topology.testing;

import io.rigstream.topology.model.Reading;
import java.time.Instant;

/** Builds domain readings for rule tests: {@code R.at("2024-03-04T08:00:00Z").running(true).meter(100).build()}. */
public final class R {

    private final long ts;
    private Long seq;
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

    private R(long ts) {
        this.ts = ts;
    }

    public static R at(String instant) {
        return new R(Instant.parse(instant).toEpochMilli());
    }

    public static R at(long ts) {
        return new R(ts);
    }

    public R seq(long value) {
        seq = value;
        return this;
    }

    public R running(boolean value) {
        running = value;
        return this;
    }

    public R meter(double hours) {
        hourMeter = hours;
        return this;
    }

    public R idleMeter(double hours) {
        idleHours = hours;
        return this;
    }

    public R load(double pct) {
        loadPct = pct;
        return this;
    }

    public R speed(double kmh) {
        speedKmh = kmh;
        return this;
    }

    public R position(double lat, double lon) {
        latitude = lat;
        longitude = lon;
        return this;
    }

    public R fuel(double pct) {
        fuelPct = pct;
        return this;
    }

    public R fuelUsed(double litres) {
        fuelUsed = litres;
        return this;
    }

    public R tank(double litres) {
        tank = litres;
        return this;
    }

    public R odometer(double km) {
        odometer = km;
        return this;
    }

    public Reading build() {
        return new Reading(ts, seq, 0L, running, hourMeter, idleHours, loadPct, speedKmh, latitude, longitude, fuelPct,
                fuelUsed, tank, odometer);
    }
}
