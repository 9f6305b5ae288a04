package io.rigstream.topology.rules;

/** Data-quality findings on an interval between two readings, carried to the windows it overlaps. */
public enum UsageFlag {
    /** The hour meter went down: a reset or a replaced meter. Nothing negative was counted. */
    METER_RESET,
    /** A counter rose faster than time allows; the increase was capped. */
    IMPLAUSIBLE_INCREASE,
    /** The idle-hours counter went down. */
    IDLE_METER_RESET,
    /** The fuel-used counter went down. */
    FUEL_METER_RESET,
    /** The odometer went down. */
    ODOMETER_RESET,
    /** Two GPS fixes imply an impossible speed; the distance between them was discarded. */
    GPS_JUMP
}
