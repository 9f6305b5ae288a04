package io.rigstream.topology.model;

/**
 * The usage-relevant content of one telemetry reading, in the payload's units. Every measurement is optional
 * ({@code null} when the gateway did not send it). Faults travel separately as a {@link FaultReport}.
 *
 * @param fingerprint hash of the reading's whole content except its receipt time: two arrivals with the same
 *                    identity but a different fingerprint are a conflict, not a plain duplicate
 */
public record Reading(
        long deviceTs,
        Long seq,
        long fingerprint,
        Boolean running,
        Double hourMeter,
        Double idleHours,
        Double loadPct,
        Double speedKmh,
        Double latitude,
        Double longitude,
        Double fuelPct,
        Double fuelUsedLitres,
        Double tankLitres,
        Double odometerKm) {

    public boolean hasPosition() {
        return latitude != null && longitude != null;
    }

    /** Orders readings that share a device time: the lower {@code seq} wins, a reading without one comes last. */
    public boolean precedes(Reading other) {
        if (seq == null) {
            return false;
        }
        return other.seq == null || seq < other.seq;
    }
}
