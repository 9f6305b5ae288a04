package io.rigstream.topology.state;

import io.rigstream.topology.model.FaultCode;
import io.rigstream.topology.model.FaultReport;
import io.rigstream.topology.model.Reading;
import java.util.List;

/**
 * The newest known value of each thing an equipment reports. Each value keeps the device time it was reported at
 * and only a newer report replaces it, so a late reading never overwrites fresher state.
 */
public final class LatestState {

    static final long NEVER = Long.MIN_VALUE;

    long lastDeviceTs = NEVER;
    long positionTs = NEVER;
    Double latitude;
    Double longitude;
    long meterTs = NEVER;
    Double hourMeter;
    long engineTs = NEVER;
    Boolean running;
    long fuelTs = NEVER;
    Double fuelPct;
    long tankTs = NEVER;
    Double tankLitres;
    long faultsTs = NEVER;
    List<FaultCode> activeFaults = List.of();

    /** @return whether anything changed */
    public boolean apply(Reading reading) {
        long ts = reading.deviceTs();
        boolean changed = false;
        if (ts > lastDeviceTs) {
            lastDeviceTs = ts;
            changed = true;
        }
        if (reading.hasPosition() && ts >= positionTs) {
            positionTs = ts;
            latitude = reading.latitude();
            longitude = reading.longitude();
            changed = true;
        }
        if (reading.hourMeter() != null && ts >= meterTs) {
            meterTs = ts;
            hourMeter = reading.hourMeter();
            changed = true;
        }
        if (reading.running() != null && ts >= engineTs) {
            engineTs = ts;
            running = reading.running();
            changed = true;
        }
        if (reading.fuelPct() != null && ts >= fuelTs) {
            fuelTs = ts;
            fuelPct = reading.fuelPct();
            changed = true;
        }
        if (reading.tankLitres() != null && ts >= tankTs) {
            tankTs = ts;
            tankLitres = reading.tankLitres();
        }
        return changed;
    }

    public boolean apply(FaultReport report) {
        if (report.deviceTs() < faultsTs) {
            return false;
        }
        faultsTs = report.deviceTs();
        activeFaults = report.active();
        return true;
    }

    public boolean hasReading() {
        return lastDeviceTs != NEVER;
    }

    public long lastDeviceTs() {
        return lastDeviceTs;
    }

    public Double latitude() {
        return latitude;
    }

    public Double longitude() {
        return longitude;
    }

    public Double hourMeter() {
        return hourMeter;
    }

    public Boolean running() {
        return running;
    }

    public Double fuelPct() {
        return fuelPct;
    }

    /** Tank capacity as last reported by the gateway; gateways often send it once, not with every reading. */
    public Double tankLitres() {
        return tankLitres;
    }

    public List<FaultCode> activeFaults() {
        return activeFaults;
    }

    public boolean inDowntime() {
        return activeFaults.stream().anyMatch(FaultCode::isRed);
    }
}
