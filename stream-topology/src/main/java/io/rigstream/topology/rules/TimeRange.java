package io.rigstream.topology.rules;

import java.util.List;

/** A half-open span of time {@code [from, to)} in epoch milliseconds. */
public record TimeRange(long from, long to) {

    public TimeRange {
        if (to < from) {
            throw new IllegalArgumentException("range ends before it starts: [" + from + ", " + to + ")");
        }
    }

    public long length() {
        return to - from;
    }

    public long overlap(TimeRange other) {
        return Math.max(0, Math.min(to, other.to) - Math.max(from, other.from));
    }

    public static long total(List<TimeRange> ranges) {
        return ranges.stream().mapToLong(TimeRange::length).sum();
    }

    /** Milliseconds covered by both lists; each list's ranges must not overlap each other. */
    public static long overlap(List<TimeRange> a, List<TimeRange> b) {
        long sum = 0;
        for (TimeRange x : a) {
            for (TimeRange y : b) {
                sum += x.overlap(y);
            }
        }
        return sum;
    }
}
