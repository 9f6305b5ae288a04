package io.rigstream.simulator.fleet;

/** One simulated machine and the counters its gateway reports; mutated only by the simulator's clock loop. */
public final class Machine {

    private final String tenant;
    private final String equipmentId;
    private final MachineType type;
    private final MachineState state;
    private final java.time.Duration clockSkew;

    public Machine(String tenant, String equipmentId, MachineType type, double initialHourMeter, double initialOdometerKm) {
        this(tenant, equipmentId, type, initialHourMeter, initialOdometerKm, java.time.Duration.ZERO);
    }

    /** @param clockSkew how far the gateway's clock is ahead of true time (negative: behind) */
    public Machine(String tenant, String equipmentId, MachineType type, double initialHourMeter, double initialOdometerKm,
            java.time.Duration clockSkew) {
        this.clockSkew = clockSkew;
        this.tenant = tenant;
        this.equipmentId = equipmentId;
        this.type = type;
        this.state = new MachineState(initialHourMeter, type.tankLitres() * 0.8, initialOdometerKm);
    }

    public String tenant() {
        return tenant;
    }

    public String equipmentId() {
        return equipmentId;
    }

    public MachineType type() {
        return type;
    }

    public MachineState state() {
        return state;
    }

    /** How far the gateway's clock is off: every reading's ts is the true time plus this. */
    public java.time.Duration clockSkew() {
        return clockSkew;
    }
}
