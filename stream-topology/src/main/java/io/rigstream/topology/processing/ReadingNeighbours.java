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
    private Side before;
    private Side after;

    private ReadingNeighbours() {
    }

    static ReadingNeighbours of(TimeSeriesStore<Reading> readings, String equipment, Reading reading,
            EquipmentStatus status) {
        ReadingNeighbours n = new ReadingNeighbours();
        boolean newest = status.hasReadings() && reading.deviceTs() > status.maxDeviceTs();
        Reading last = newest ? status.newest().orElse(null) : null;
        Side fromStatus = new Side(reading);
        if (last != null && !fromStatus.offer(last)) {
            n.before = fromStatus;
            n.after = new Side(reading);
            return n;
        }
        n.before = new Side(reading);
        readings.walkBack(equipment, reading.deviceTs(), SEARCH, n.before::offer);
        n.after = new Side(reading);
        if (!newest) {
            // one step more than backwards: the first value may be the one stored at the reading's own device time
            readings.walkFrom(equipment, reading.deviceTs(), SEARCH + 1, r -> {
                if (r.deviceTs() == reading.deviceTs()) {
                    n.stored = r;
                    return true;
                }
                return n.after.offer(r) && n.after.seen < SEARCH;
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
        return before.nearest;
    }

    /** The oldest stored reading after the arriving one, or null. */
    Reading after() {
        return after.nearest;
    }

    /** The nearest reading before with an hour meter, or null (also when the arriving reading has none). */
    Reading meterBefore() {
        return before.meter;
    }

    Reading meterAfter() {
        return after.meter;
    }

    /** The nearest reading before with a fuel level, or null (also when the arriving reading has none). */
    Reading fuelBefore() {
        return before.fuel;
    }

    Reading fuelAfter() {
        return after.fuel;
    }

    /** The nearest readings on one side, offered outward from the arriving reading one at a time. */
    private static final class Side {
        private final boolean wantsMeter;
        private final boolean wantsFuel;
        private Reading nearest;
        private Reading meter;
        private Reading fuel;
        private int seen;

        Side(Reading arriving) {
            this.wantsMeter = arriving.hourMeter() != null;
            this.wantsFuel = arriving.fuelPct() != null;
        }

        /** @return whether a search is still open: a rule's value not yet found on this side */
        boolean offer(Reading r) {
            seen++;
            nearest = nearest == null ? r : nearest;
            meter = meter == null && wantsMeter && r.hourMeter() != null ? r : meter;
            fuel = fuel == null && wantsFuel && r.fuelPct() != null ? r : fuel;
            return (wantsMeter && meter == null) || (wantsFuel && fuel == null);
        }
    }
}
