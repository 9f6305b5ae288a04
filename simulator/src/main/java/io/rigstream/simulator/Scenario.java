package io.rigstream.simulator;

import java.time.Duration;
import java.time.LocalDate;

/**
 * What to simulate: a seed (the same seed gives the same messages and the same truth), how big a fleet, which
 * site-local days, how often gateways report, and how badly their connectivity behaves.
 *
 * @param lastDay          the last simulated site-local day; the period is {@code days} days ending with it
 * @param onInterval       reading interval while the engine runs
 * @param offInterval      reading interval while it is off
 * @param duplicateRate    share of messages a gateway sends twice (re-sent after a missing PUBACK)
 * @param malformedPerDay  payloads per day that break the contract, to be dead-lettered
 * @param disorderRate     share of single-reading messages a gateway delivers late (1 to 10 minutes), so that they
 *                         reach the broker after readings taken later: out-of-order delivery
 */
public record Scenario(long seed, int equipmentCount, int jobCount, int days, LocalDate lastDay, Duration onInterval,
        Duration offInterval, double duplicateRate, int malformedPerDay, String tenant, double disorderRate) {

    /** The default share of messages delivered out of order. */
    public static final double DEFAULT_DISORDER_RATE = 0.02;

    /** A scenario with the default out-of-order share. */
    public Scenario(long seed, int equipmentCount, int jobCount, int days, LocalDate lastDay, Duration onInterval,
            Duration offInterval, double duplicateRate, int malformedPerDay, String tenant) {
        this(seed, equipmentCount, jobCount, days, lastDay, onInterval, offInterval, duplicateRate, malformedPerDay, tenant,
                DEFAULT_DISORDER_RATE);
    }

    public Scenario {
        if (duplicateRate < 0 || duplicateRate > 1 || disorderRate < 0 || disorderRate > 1) {
            throw new IllegalArgumentException("duplicateRate and disorderRate are shares between 0 and 1");
        }
        if (equipmentCount < 1 || jobCount < 1 || days < 1) {
            throw new IllegalArgumentException("equipment, jobs and days must be at least 1");
        }
        if (jobCount > equipmentCount) {
            throw new IllegalArgumentException("more jobs (" + jobCount + ") than equipment (" + equipmentCount + ")");
        }
        if (onInterval.toSeconds() < 1 || offInterval.compareTo(onInterval) < 0 || Duration.ofDays(1).toSeconds() % onInterval.toSeconds() != 0
                || offInterval.toSeconds() % onInterval.toSeconds() != 0) {
            throw new IllegalArgumentException("onInterval must divide a day and offInterval must be a multiple of it");
        }
    }

    /** The demo's default: about 20 machines on 4 jobs over 2 working days. */
    public static Scenario demo(long seed, LocalDate lastDay) {
        return new Scenario(seed, 20, 4, 2, lastDay, Duration.ofMinutes(1), Duration.ofMinutes(15), 0.01, 3, "acme");
    }

    /** The same scenario with another fleet size: the scale knob. */
    public Scenario withEquipment(int equipment, int jobs) {
        return new Scenario(seed, equipment, jobs, days, lastDay, onInterval, offInterval, duplicateRate, malformedPerDay,
                tenant, disorderRate);
    }
}
