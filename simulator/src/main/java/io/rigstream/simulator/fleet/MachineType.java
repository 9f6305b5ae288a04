package io.rigstream.simulator.fleet;

/** Machine types with their duty-cycle characteristics (typical figures for mid-size rental equipment). */
public enum MachineType {
    EXCAVATOR("EX", 400, 18.0, 4.0, 3.0, 0.25),
    WHEEL_LOADER("WL", 300, 16.0, 3.5, 12.0, 0.30),
    TELEHANDLER("TH", 150, 8.0, 2.0, 10.0, 0.35),
    GENERATOR("GN", 500, 12.0, 6.0, 0.0, 0.10);

    private final String idPrefix;
    private final double tankLitres;
    private final double workingLitresPerHour;
    private final double idleLitresPerHour;
    private final double workingSpeedKmh;
    private final double idleShare;

    MachineType(String idPrefix, double tankLitres, double workingLitresPerHour, double idleLitresPerHour,
            double workingSpeedKmh, double idleShare) {
        this.idPrefix = idPrefix;
        this.tankLitres = tankLitres;
        this.workingLitresPerHour = workingLitresPerHour;
        this.idleLitresPerHour = idleLitresPerHour;
        this.workingSpeedKmh = workingSpeedKmh;
        this.idleShare = idleShare;
    }

    public String idPrefix() {
        return idPrefix;
    }

    public double tankLitres() {
        return tankLitres;
    }

    public double workingLitresPerHour() {
        return workingLitresPerHour;
    }

    public double idleLitresPerHour() {
        return idleLitresPerHour;
    }

    /** Average ground speed while working; idle is 0 km/h. */
    public double workingSpeedKmh() {
        return workingSpeedKmh;
    }

    /** Share of engine time spent idling. */
    public double idleShare() {
        return idleShare;
    }
}
