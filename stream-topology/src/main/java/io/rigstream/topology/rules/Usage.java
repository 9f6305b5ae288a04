package io.rigstream.topology.rules;

import java.util.EnumSet;
import java.util.Set;

/**
 * Usage over some time, in integer units so that sums are exact and do not depend on the order they are added in:
 * milliseconds, millilitres and metres. Hours and litres are derived only when a record is written out.
 */
public record Usage(long engineMs, long idleMs, long unknownMs, long fuelMl, long distanceM, Set<UsageFlag> flags) {

    public static final Usage NONE = new Usage(0, 0, 0, 0, 0, Set.of());

    public Usage {
        flags = flags.isEmpty() ? Set.of() : Set.copyOf(flags);
    }

    public long workingMs() {
        return engineMs - idleMs;
    }

    public Usage plus(Usage other) {
        EnumSet<UsageFlag> union = EnumSet.noneOf(UsageFlag.class);
        union.addAll(flags);
        union.addAll(other.flags);
        return new Usage(engineMs + other.engineMs, idleMs + other.idleMs, unknownMs + other.unknownMs,
                fuelMl + other.fuelMl, distanceM + other.distanceM, union);
    }

    /**
     * The share of this interval's usage that falls in {@code [from, to)}, in proportion to time. Each quantity is
     * split by the same cumulative rounding, so the shares of adjacent windows add up exactly to the whole.
     */
    public Usage portion(long intervalStart, long intervalEnd, long from, long to) {
        long start = Math.max(intervalStart, from);
        long end = Math.min(intervalEnd, to);
        if (end <= start) {
            return NONE;
        }
        if (start == intervalStart && end == intervalEnd) {
            return this;
        }
        Proportion p = new Proportion(intervalStart, intervalEnd);
        return new Usage(p.share(engineMs, start, end), p.share(idleMs, start, end), p.share(unknownMs, start, end),
                p.share(fuelMl, start, end), p.share(distanceM, start, end), flags);
    }

    /** Cumulative rounding of an amount spread evenly over {@code [a, b)}. */
    private record Proportion(long a, long b) {

        long share(long total, long start, long end) {
            return cumulative(total, end) - cumulative(total, start);
        }

        private long cumulative(long total, long t) {
            long elapsed = t - a;
            long duration = b - a;
            try {
                return Math.floorDiv(Math.addExact(Math.multiplyExact(total, elapsed), duration / 2), duration);
            } catch (ArithmeticException overflow) {
                return java.math.BigInteger.valueOf(total).multiply(java.math.BigInteger.valueOf(elapsed))
                        .add(java.math.BigInteger.valueOf(duration / 2))
                        .divide(java.math.BigInteger.valueOf(duration)).longValueExact();
            }
        }
    }
}
