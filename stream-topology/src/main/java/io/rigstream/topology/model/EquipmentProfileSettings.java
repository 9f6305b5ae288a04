package io.rigstream.topology.model;

import java.util.List;

/**
 * Per-equipment maintenance and usage settings; {@link #DEFAULT} applies until the equipment's profile arrives.
 *
 * @param serviceTiersHours service intervals in engine hours, ascending
 * @param tankLitres        tank capacity, when known from the profile
 */
public record EquipmentProfileSettings(List<Integer> serviceTiersHours, double serviceLeadHours, Double tankLitres,
        double idleMaxSpeedKmh, double idleMaxLoadPct) {

    public static final EquipmentProfileSettings DEFAULT =
            new EquipmentProfileSettings(List.of(250, 500, 1000, 2000), 25.0, null, 1.0, 20.0);

    /** This profile, with {@code reportedTank} as the tank size when the profile does not give one. */
    public EquipmentProfileSettings withTankFallback(Double reportedTank) {
        if (tankLitres != null || reportedTank == null) {
            return this;
        }
        return new EquipmentProfileSettings(serviceTiersHours, serviceLeadHours, reportedTank, idleMaxSpeedKmh,
                idleMaxLoadPct);
    }

    public EquipmentProfileSettings {
        serviceTiersHours = serviceTiersHours.stream().filter(t -> t > 0).sorted().distinct().toList();
        if (serviceLeadHours < 0 || idleMaxSpeedKmh < 0 || idleMaxLoadPct < 0) {
            throw new IllegalArgumentException("profile thresholds must be >= 0");
        }
        if (tankLitres != null && tankLitres <= 0) {
            tankLitres = null;
        }
    }
}
