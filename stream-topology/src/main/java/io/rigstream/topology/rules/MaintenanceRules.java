package io.rigstream.topology.rules;

import io.rigstream.schemas.TriggerKind;
import io.rigstream.topology.model.EquipmentProfileSettings;
import io.rigstream.topology.model.Reading;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/** Rule 8 on consecutive readings: service tiers crossed by the hour meter, meter resets and unexplained fuel drops. */
public final class MaintenanceRules {

    /** The hour meter reached {@code atHours}, a multiple of service tier {@code tierHours}, or comes close to it. */
    public record ServiceCrossing(TriggerKind kind, int tierHours, int atHours, Reading reading) {
        Object identity() {
            return List.of(kind, atHours);
        }
    }

    /** The hour meter went down between two readings. */
    public record MeterReset(double fromHours, double toHours, Reading reading) {
    }

    /** Fuel left the tank while the engine was off, net of what the engine used. */
    public record FuelDrop(double litres, double tankLitres, Reading reading) {
    }

    private final long meterToleranceMs;
    private final double fuelDropThresholdPct;

    public MaintenanceRules(UsageSettings settings, double fuelDropThresholdPct) {
        this.meterToleranceMs = settings.meterToleranceMs();
        this.fuelDropThresholdPct = fuelDropThresholdPct;
    }

    /**
     * Service tiers crossed from {@code previous} to {@code next}. At a value that is a multiple of several tiers the
     * highest is due (1000 h is the 1000 h service, not the 250 h one). An implausible jump of the meter (a replaced
     * meter, a bad value) crosses nothing.
     */
    public List<ServiceCrossing> serviceCrossings(Reading previous, Reading next, EquipmentProfileSettings profile) {
        if (previous == null || previous.hourMeter() == null || next.hourMeter() == null) {
            return List.of();
        }
        double from = previous.hourMeter();
        double to = next.hourMeter();
        long elapsedMs = next.deviceTs() - previous.deviceTs();
        if (to < from || (to - from) * IntervalRules.MS_PER_HOUR > elapsedMs + meterToleranceMs) {
            return List.of();
        }
        List<ServiceCrossing> crossings = new ArrayList<>();
        double lead = profile.serviceLeadHours();
        dueAt(from, to, profile).forEach((at, tier) ->
                crossings.add(new ServiceCrossing(TriggerKind.SERVICE_DUE, tier, at, next)));
        if (lead > 0) {
            dueAt(from + lead, to + lead, profile).forEach((at, tier) ->
                    crossings.add(new ServiceCrossing(TriggerKind.SERVICE_DUE_SOON, tier, at, next)));
        }
        return crossings;
    }

    /** Multiples of any tier in {@code (from, to]}, each with the highest tier it is a multiple of. */
    private static TreeMap<Integer, Integer> dueAt(double from, double to, EquipmentProfileSettings profile) {
        TreeMap<Integer, Integer> due = new TreeMap<>();
        for (int tier : profile.serviceTiersHours()) {
            for (long k = (long) Math.floor(from / tier) + 1; k * tier <= to; k++) {
                due.merge((int) (k * tier), tier, Math::max);
            }
        }
        return due;
    }

    public List<ServiceCrossing> serviceCrossingsOnInsert(Reading before, Reading inserted, Reading after,
            EquipmentProfileSettings profile) {
        return InsertionDiff.newEvents(before, inserted, after, (a, b) -> serviceCrossings(a, b, profile),
                ServiceCrossing::identity);
    }

    public static List<MeterReset> meterResets(Reading previous, Reading next) {
        if (previous == null || previous.hourMeter() == null || next.hourMeter() == null
                || next.hourMeter() >= previous.hourMeter()) {
            return List.of();
        }
        return List.of(new MeterReset(previous.hourMeter(), next.hourMeter(), next));
    }

    public static List<MeterReset> meterResetsOnInsert(Reading before, Reading inserted, Reading after) {
        return InsertionDiff.newEvents(before, inserted, after, MaintenanceRules::meterResets, r -> MeterReset.class);
    }

    /**
     * A level drop of more than the threshold (percent of the tank) between two readings with the engine off at both,
     * net of the fuel-used counter's increase: possible theft or a leak.
     */
    public List<FuelDrop> fuelDrops(Reading previous, Reading next, EquipmentProfileSettings profile) {
        if (previous == null || !Boolean.FALSE.equals(previous.running()) || Boolean.TRUE.equals(next.running())
                || previous.fuelPct() == null || next.fuelPct() == null) {
            return List.of();
        }
        if (previous.hourMeter() != null && next.hourMeter() != null && next.hourMeter() > previous.hourMeter()) {
            return List.of();
        }
        Double tank = IntervalRules.tankLitres(previous, next, profile);
        if (tank == null) {
            return List.of();
        }
        double consumed = previous.fuelUsedLitres() != null && next.fuelUsedLitres() != null
                ? Math.max(0, next.fuelUsedLitres() - previous.fuelUsedLitres()) : 0;
        double litres = (previous.fuelPct() - next.fuelPct()) / 100.0 * tank - consumed;
        if (litres <= fuelDropThresholdPct / 100.0 * tank) {
            return List.of();
        }
        return List.of(new FuelDrop(litres, tank, next));
    }

    public List<FuelDrop> fuelDropsOnInsert(Reading before, Reading inserted, Reading after,
            EquipmentProfileSettings profile) {
        return InsertionDiff.newEvents(before, inserted, after, (a, b) -> fuelDrops(a, b, profile), d -> FuelDrop.class);
    }
}
