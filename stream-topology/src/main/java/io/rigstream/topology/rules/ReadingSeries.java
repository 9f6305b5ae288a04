package io.rigstream.topology.rules;

import io.rigstream.topology.model.Reading;
import java.util.List;

/**
 * An equipment's readings in device-time order, with distinct device times. Window computations read it; the store
 * layer fills it with everything a range of windows needs: one reading before the range, the readings whose engine
 * state can still carry into it, and the first reading after it.
 */
public record ReadingSeries(List<Reading> readings) {

    public ReadingSeries {
        readings = List.copyOf(readings);
        for (int i = 1; i < readings.size(); i++) {
            if (readings.get(i - 1).deviceTs() >= readings.get(i).deviceTs()) {
                throw new IllegalArgumentException("readings must be in strictly increasing device-time order");
            }
        }
    }

    public int size() {
        return readings.size();
    }

    public Reading get(int index) {
        return readings.get(index);
    }

    /** Index of the first reading at or after {@code ts} ({@link #size()} when none). */
    public int firstAtOrAfter(long ts) {
        int low = 0;
        int high = readings.size();
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (readings.get(mid).deviceTs() < ts) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    /** Whether some interval between two readings overlaps {@code [from, to)}, or a reading lies in it. */
    public boolean covers(long from, long to) {
        if (readings.isEmpty()) {
            return false;
        }
        return readings.get(0).deviceTs() < to && readings.get(readings.size() - 1).deviceTs() >= from;
    }
}
