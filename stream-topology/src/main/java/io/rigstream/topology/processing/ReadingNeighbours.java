package io.rigstream.topology.processing;

import io.rigstream.topology.model.Reading;
import io.rigstream.topology.state.EquipmentStatus;
import io.rigstream.topology.state.TimeSeriesStore;

/**
 * What an arriving reading is judged against, read before it is stored: the reading already stored at its device
 * time (deduplication), its nearest stored neighbours (the intervals it changes) and the nearest ones that carry an
 * hour meter or a fuel level (the events it raises). All come from one store walk each way, at most
 * {@link #SEARCH} values deep. A reading newer than every stored one, the usual case, needs no walk forward, and none
 * back either when the newest stored reading, which the status keeps, carries what the rules compare: the
 * per-reading cost was six seeks when each search had its own.
 */
final class ReadingNeighbours {

    /** How many neighbours to look past for one that carries the value a rule compares (hour meter, fuel level). */
    static final int SEARCH = 64;

    private Reading stored;
    private Reading before;
    private Reading after;
    private Reading meterBefore;
    private Reading meterAfter;
    private Reading fuelBefore;
    private Reading fuelAfter;

    private ReadingNeighbours() {
    }

    static ReadingNeighbours of(TimeSeriesStore<Reading> readings, String equipment, Reading reading,
            EquipmentStatus status) {
        ReadingNeighbours n = new ReadingNeighbours();
        boolean wantsMeter = reading.hourMeter() != null;
        boolean wantsFuel = reading.fuelPct() != null;
        boolean newest = status.hasReadings() && reading.deviceTs() > status.maxDeviceTs();
        Reading last = newest ? status.newest().orElse(null) : null;
        if (last != null && (!wantsMeter || last.hourMeter() != null) && (!wantsFuel || last.fuelPct() != null)) {
            n.before = last;
            n.meterBefore = wantsMeter ? last : null;
            n.fuelBefore = wantsFuel ? last : null;
            return n;
        }
        readings.walkBack(equipment, reading.deviceTs(), SEARCH, r -> {
            n.before = n.before == null ? r : n.before;
            n.meterBefore = n.meterBefore == null && wantsMeter && r.hourMeter() != null ? r : n.meterBefore;
            n.fuelBefore = n.fuelBefore == null && wantsFuel && r.fuelPct() != null ? r : n.fuelBefore;
            return (wantsMeter && n.meterBefore == null) || (wantsFuel && n.fuelBefore == null);
        });
        if (!newest) {
            // one step more than backwards: the first value may be the one stored at the reading's own device time
            int[] seenAfter = {0};
            readings.walkFrom(equipment, reading.deviceTs(), SEARCH + 1, r -> {
                if (r.deviceTs() == reading.deviceTs()) {
                    n.stored = r;
                    return true;
                }
                n.after = n.after == null ? r : n.after;
                n.meterAfter = n.meterAfter == null && wantsMeter && r.hourMeter() != null ? r : n.meterAfter;
                n.fuelAfter = n.fuelAfter == null && wantsFuel && r.fuelPct() != null ? r : n.fuelAfter;
                boolean searching = (wantsMeter && n.meterAfter == null) || (wantsFuel && n.fuelAfter == null);
                return searching && ++seenAfter[0] < SEARCH;
            });
        }
        return n;
    }

    /** The reading stored at the same device time, or null. */
    Reading stored() {
        return stored;
    }

    /** The newest stored reading before the arriving one, or null. */
    Reading before() {
        return before;
    }

    /** The oldest stored reading after the arriving one, or null. */
    Reading after() {
        return after;
    }

    /** The nearest reading before with an hour meter, or null (also when the arriving reading has none). */
    Reading meterBefore() {
        return meterBefore;
    }

    Reading meterAfter() {
        return meterAfter;
    }

    /** The nearest reading before with a fuel level, or null (also when the arriving reading has none). */
    Reading fuelBefore() {
        return fuelBefore;
    }

    Reading fuelAfter() {
        return fuelAfter;
    }
}
