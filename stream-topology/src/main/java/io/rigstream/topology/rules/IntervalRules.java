package io.rigstream.topology.rules;

import io.rigstream.topology.model.EquipmentProfileSettings;
import io.rigstream.topology.model.Reading;
import java.util.EnumSet;

/**
 * Usage between two consecutive readings {@code a} and {@code b} (in device-time order): rules 2 and 3 of the usage
 * rules. Cumulative counters are preferred over instantaneous states when both readings carry them; what a reading
 * reports at {@code a} is taken to hold until {@code b}.
 */
public final class IntervalRules {

    static final double MS_PER_HOUR = 3_600_000.0;

    private final UsageSettings settings;

    public IntervalRules(UsageSettings settings) {
        this.settings = settings;
    }

    /**
     * @param running engine state in force at {@code a} (reported by {@code a} or carried from a recent reading),
     *                {@code null} when unknown
     */
    public Usage between(Reading a, Reading b, Boolean running, EquipmentProfileSettings profile) {
        long duration = b.deviceTs() - a.deviceTs();
        EnumSet<UsageFlag> flags = EnumSet.noneOf(UsageFlag.class);
        long engineMs;
        long unknownMs = 0;
        Long meterMs = counterIncrease(a.hourMeter(), b.hourMeter(), UsageFlag.METER_RESET, flags);
        if (meterMs != null) {
            engineMs = capToTime(meterMs, duration, flags);
        } else if (duration > settings.maxGapMs() || running == null) {
            unknownMs = duration;
            engineMs = 0;
        } else {
            engineMs = running ? duration : 0;
        }
        long idleMs = idle(a, b, meterMs != null, engineMs, profile, flags);
        long fuelMl = fuel(a, b, engineMs, profile, flags);
        long distanceM = distance(a, b, duration, flags);
        return new Usage(engineMs, idleMs, unknownMs, fuelMl, distanceM, flags);
    }

    private long idle(Reading a, Reading b, boolean engineFromMeter, long engineMs, EquipmentProfileSettings profile,
            EnumSet<UsageFlag> flags) {
        if (engineFromMeter) {
            Long idleCounterMs = counterIncrease(a.idleHours(), b.idleHours(), UsageFlag.IDLE_METER_RESET, flags);
            if (idleCounterMs != null) {
                return capToTime(idleCounterMs, engineMs, flags);
            }
        }
        return isIdle(a, profile) ? engineMs : 0;
    }

    /** Idle: speed and load at or below the thresholds, judged on what the reading sent (at least one of them). */
    static boolean isIdle(Reading a, EquipmentProfileSettings profile) {
        if (a.speedKmh() == null && a.loadPct() == null) {
            return false;
        }
        boolean slow = a.speedKmh() == null || a.speedKmh() <= profile.idleMaxSpeedKmh();
        boolean light = a.loadPct() == null || a.loadPct() <= profile.idleMaxLoadPct();
        return slow && light;
    }

    private static long fuel(Reading a, Reading b, long engineMs, EquipmentProfileSettings profile,
            EnumSet<UsageFlag> flags) {
        if (a.fuelUsedLitres() != null && b.fuelUsedLitres() != null) {
            double used = b.fuelUsedLitres() - a.fuelUsedLitres();
            if (used < 0) {
                flags.add(UsageFlag.FUEL_METER_RESET);
                return 0;
            }
            return Math.round(used * 1000);
        }
        Double tank = tankLitres(a, b, profile);
        if (a.fuelPct() == null || b.fuelPct() == null || tank == null || engineMs == 0) {
            return 0;
        }
        // A rising level is a refuel, never negative consumption.
        double dropPct = a.fuelPct() - b.fuelPct();
        return dropPct > 0 ? Math.round(dropPct / 100.0 * tank * 1000) : 0;
    }

    static Double tankLitres(Reading a, Reading b, EquipmentProfileSettings profile) {
        if (b.tankLitres() != null) {
            return b.tankLitres();
        }
        return a.tankLitres() != null ? a.tankLitres() : profile.tankLitres();
    }

    private long distance(Reading a, Reading b, long duration, EnumSet<UsageFlag> flags) {
        if (a.odometerKm() != null && b.odometerKm() != null) {
            double km = b.odometerKm() - a.odometerKm();
            if (km < 0) {
                flags.add(UsageFlag.ODOMETER_RESET);
                return 0;
            }
            return Math.round(km * 1000);
        }
        if (!a.hasPosition() || !b.hasPosition()) {
            return 0;
        }
        double km = Geo.distanceKm(a.latitude(), a.longitude(), b.latitude(), b.longitude());
        if (km / (duration / MS_PER_HOUR) > settings.maxSpeedKmh()) {
            flags.add(UsageFlag.GPS_JUMP);
            return 0;
        }
        return Math.round(km * 1000);
    }

    /** A counter's increase in ms, or null when either reading lacks it or it went down (flagged). */
    private static Long counterIncrease(Double from, Double to, UsageFlag resetFlag, EnumSet<UsageFlag> flags) {
        if (from == null || to == null) {
            return null;
        }
        if (to < from) {
            flags.add(resetFlag);
            return null;
        }
        return Math.round((to - from) * MS_PER_HOUR);
    }

    private long capToTime(long increaseMs, long availableMs, EnumSet<UsageFlag> flags) {
        if (increaseMs > availableMs + settings.meterToleranceMs()) {
            flags.add(UsageFlag.IMPLAUSIBLE_INCREASE);
            return availableMs;
        }
        return increaseMs;
    }
}
