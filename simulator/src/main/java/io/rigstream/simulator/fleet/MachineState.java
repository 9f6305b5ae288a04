package io.rigstream.simulator.fleet;

/** The physical truth of one machine at the simulated instant: what its sensors would read. */
public final class MachineState {

    public enum Activity { OFF, IDLE, WORKING }

    private Activity activity = Activity.OFF;
    private double hourMeter;
    private double idleHours;
    private double fuelUsedLitres;
    private double fuelLitres;
    private double odometerKm;
    private double latitude;
    private double longitude;
    private boolean redFault;
    private boolean amberFault;

    MachineState(double hourMeter, double fuelLitres, double odometerKm) {
        this.hourMeter = hourMeter;
        this.fuelLitres = fuelLitres;
        this.odometerKm = odometerKm;
    }

    /** Advances the counters by {@code hours} of the current activity. */
    public void advance(double hours, MachineType type, double speedKmh) {
        if (activity == Activity.OFF) {
            return;
        }
        hourMeter += hours;
        double litresPerHour = activity == Activity.IDLE ? type.idleLitresPerHour() : type.workingLitresPerHour();
        if (activity == Activity.IDLE) {
            idleHours += hours;
        }
        fuelUsedLitres += litresPerHour * hours;
        fuelLitres = Math.max(0, fuelLitres - litresPerHour * hours);
        odometerKm += speedKmh * hours;
    }

    public Activity activity() {
        return activity;
    }

    public void setActivity(Activity activity) {
        this.activity = activity;
    }

    public double hourMeter() {
        return hourMeter;
    }

    /** A meter replacement: the new meter starts from zero. */
    public void replaceHourMeter() {
        hourMeter = 0;
    }

    public double idleHours() {
        return idleHours;
    }

    public double fuelUsedLitres() {
        return fuelUsedLitres;
    }

    public double fuelLitres() {
        return fuelLitres;
    }

    public void refuel(double tankLitres) {
        fuelLitres = tankLitres;
    }

    /** Fuel taken out of the tank without passing through the engine (theft). */
    public void drain(double litres) {
        fuelLitres = Math.max(0, fuelLitres - litres);
    }

    public double odometerKm() {
        return odometerKm;
    }

    public double latitude() {
        return latitude;
    }

    public double longitude() {
        return longitude;
    }

    public void moveTo(double latitude, double longitude) {
        this.latitude = latitude;
        this.longitude = longitude;
    }

    public boolean redFault() {
        return redFault;
    }

    public void setRedFault(boolean redFault) {
        this.redFault = redFault;
    }

    public boolean amberFault() {
        return amberFault;
    }

    public void setAmberFault(boolean amberFault) {
        this.amberFault = amberFault;
    }
}
