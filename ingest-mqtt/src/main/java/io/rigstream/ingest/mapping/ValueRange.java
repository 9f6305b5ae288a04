package io.rigstream.ingest.mapping;

/**
 * The values the contract allows for a numeric field. Every range excludes NaN and infinity: a JSON
 * number too large for a double (1e400) arrives as infinity and is out of any range.
 */
record ValueRange(double min, boolean minInclusive, double max, boolean maxInclusive) {

    static final ValueRange FINITE = new ValueRange(Double.NEGATIVE_INFINITY, false, Double.POSITIVE_INFINITY, false);
    static final ValueRange NON_NEGATIVE = new ValueRange(0, true, Double.POSITIVE_INFINITY, false);
    static final ValueRange POSITIVE = new ValueRange(0, false, Double.POSITIVE_INFINITY, false);
    static final ValueRange LATITUDE = new ValueRange(-90, true, 90, true);
    static final ValueRange LONGITUDE = new ValueRange(-180, true, 180, true);
    static final ValueRange HEADING = new ValueRange(0, true, 360, false);
    static final ValueRange PERCENT = new ValueRange(0, true, 100, true);
    /** Integer ranges are bounded by the Avro type they land in. */
    static final ValueRange NON_NEGATIVE_INT = new ValueRange(0, true, Integer.MAX_VALUE, true);
    static final ValueRange NON_NEGATIVE_LONG = new ValueRange(0, true, Long.MAX_VALUE, true);
    static final ValueRange SPN = new ValueRange(0, true, 524_287, true);
    static final ValueRange FMI = new ValueRange(0, true, 31, true);
    static final ValueRange SOURCE_ADDRESS = new ValueRange(0, true, 255, true);

    boolean contains(double value) {
        return Double.isFinite(value)
                && (minInclusive ? value >= min : value > min)
                && (maxInclusive ? value <= max : value < max);
    }

    /** What an out-of-range value is told, as in "outside [-90, 90]" or "must be >= 0". */
    String violation() {
        boolean bounded = Double.isFinite(max);
        if (Double.isFinite(min) && bounded) {
            return "outside " + (minInclusive ? "[" : "(") + format(min) + ", " + format(max)
                    + (maxInclusive ? "]" : ")");
        }
        if (Double.isFinite(min)) {
            return "must be " + (minInclusive ? ">= " : "> ") + format(min);
        }
        return "must be a finite number";
    }

    private static String format(double bound) {
        return bound == Math.rint(bound) ? Long.toString((long) bound) : Double.toString(bound);
    }
}
