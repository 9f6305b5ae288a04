package io.rigstream.simulator.truth;

import java.time.LocalDate;

/** What a machine really did on one site-local day of one job, accumulated from the simulated physics. */
public final class DayUsageTruth {

    private final String jobId;
    private final String equipmentId;
    private final LocalDate day;
    private double engineHours;
    private double idleHours;
    private double fuelLitres;
    private double distanceKm;
    private double downtimeHours;
    private double shiftHours;
    private double billableHours;
    private double overtimeHours;

    public DayUsageTruth(String jobId, String equipmentId, LocalDate day) {
        this.jobId = jobId;
        this.equipmentId = equipmentId;
        this.day = day;
    }

    void add(double engine, double idle, double fuel, double distance, double downtime) {
        engineHours += engine;
        idleHours += idle;
        fuelLitres += fuel;
        distanceKm += distance;
        downtimeHours += downtime;
    }

    void bill(double shift, double billable, double overtime) {
        shiftHours = shift;
        billableHours = billable;
        overtimeHours = overtime;
    }

    public String jobId() {
        return jobId;
    }

    public String equipmentId() {
        return equipmentId;
    }

    public LocalDate day() {
        return day;
    }

    public double engineHours() {
        return engineHours;
    }

    public double idleHours() {
        return idleHours;
    }

    public double workingHours() {
        return engineHours - idleHours;
    }

    public double fuelLitres() {
        return fuelLitres;
    }

    public double distanceKm() {
        return distanceKm;
    }

    /** Red-fault downtime overlapping the day's shift hours. */
    public double downtimeHours() {
        return downtimeHours;
    }

    /** Shift hours of the day inside the assignment (0 on a day off). */
    public double shiftHours() {
        return shiftHours;
    }

    /** Shift hours less downtime: what the customer could have used. */
    public double availableHours() {
        return shiftHours - downtimeHours;
    }

    /** Hours billed under the assignment's contract. */
    public double billableHours() {
        return billableHours;
    }

    /** Billable hours of this day above the allowance of its contract period. */
    public double overtimeHours() {
        return overtimeHours;
    }
}
