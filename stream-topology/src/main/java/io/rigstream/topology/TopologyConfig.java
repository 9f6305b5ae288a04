package io.rigstream.topology;

import io.rigstream.schemas.registry.SchemaRegistryClient;
import io.rigstream.topology.metrics.TopologyMetrics;
import io.rigstream.topology.rules.UsageSettings;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Objects;

/**
 * Everything {@link RigstreamTopology#build} depends on: the rules' thresholds, the time horizons, the schema
 * registry behind the Avro topics and where metrics go. Immutable and checked when built; see
 * {@code docs/usage-rules.md} for what each setting means to the figures.
 */
public final class TopologyConfig {

    private final String applicationId;
    private final SchemaRegistryClient registry;
    private final Duration latenessHorizon;
    private final Duration grace;
    private final Duration maxGap;
    private final Duration meterTolerance;
    private final Duration silenceAfter;
    private final Duration punctuationInterval;
    private final Duration purgeInterval;
    private final ZoneId fleetTimeZone;
    private final double fuelDropThresholdPct;
    private final double maxSpeedKmh;
    private final int seqWindow;
    private final TopologyMetrics metrics;

    private TopologyConfig(Builder b) {
        this.applicationId = b.applicationId;
        this.registry = b.registry;
        this.latenessHorizon = b.latenessHorizon;
        this.grace = b.grace;
        this.maxGap = b.maxGap;
        this.meterTolerance = b.meterTolerance;
        this.silenceAfter = b.silenceAfter;
        this.punctuationInterval = b.punctuationInterval;
        this.purgeInterval = b.purgeInterval;
        this.fleetTimeZone = b.fleetTimeZone;
        this.fuelDropThresholdPct = b.fuelDropThresholdPct;
        this.maxSpeedKmh = b.maxSpeedKmh;
        this.seqWindow = b.seqWindow;
        this.metrics = b.metrics;
    }

    public static Builder builder(SchemaRegistryClient registry) {
        return new Builder(registry);
    }

    /** Kafka Streams application id: the consumer group and the prefix of every internal topic. */
    public String applicationId() {
        return applicationId;
    }

    public SchemaRegistryClient registry() {
        return registry;
    }

    /** How late a reading may be, by device time behind its equipment's newest; also the deduplication horizon. */
    public Duration latenessHorizon() {
        return latenessHorizon;
    }

    /** How long after a site-local day ends (in stream time) it is closed and emitted. */
    public Duration grace() {
        return grace;
    }

    public Duration maxGap() {
        return maxGap;
    }

    public Duration meterTolerance() {
        return meterTolerance;
    }

    public Duration silenceAfter() {
        return silenceAfter;
    }

    /** How often (wall clock) windows are recomputed and emitted, days closed and silence checked. */
    public Duration punctuationInterval() {
        return punctuationInterval;
    }

    public Duration purgeInterval() {
        return purgeInterval;
    }

    /** Zone of the per-equipment hourly and daily utilization windows. Job days use the site's zone. */
    public ZoneId fleetTimeZone() {
        return fleetTimeZone;
    }

    public double fuelDropThresholdPct() {
        return fuelDropThresholdPct;
    }

    public double maxSpeedKmh() {
        return maxSpeedKmh;
    }

    public int seqWindow() {
        return seqWindow;
    }

    public TopologyMetrics metrics() {
        return metrics;
    }

    public UsageSettings usageSettings() {
        return new UsageSettings(maxGap.toMillis(), meterTolerance.toMillis(), maxSpeedKmh);
    }

    @Override
    public String toString() {
        return "TopologyConfig{applicationId=" + applicationId + ", latenessHorizon=" + latenessHorizon
                + ", grace=" + grace + ", maxGap=" + maxGap + ", meterTolerance=" + meterTolerance
                + ", silenceAfter=" + silenceAfter + ", punctuationInterval=" + punctuationInterval
                + ", purgeInterval=" + purgeInterval + ", fleetTimeZone=" + fleetTimeZone
                + ", fuelDropThresholdPct=" + fuelDropThresholdPct + ", maxSpeedKmh=" + maxSpeedKmh
                + ", seqWindow=" + seqWindow + "}";
    }

    /** Defaults are the issue's: 7 days late, 2 h grace, 15 min gaps, 30 min silence, 5 % fuel drop, 120 km/h. */
    public static final class Builder {

        private String applicationId = "rigstream-topology";
        private final SchemaRegistryClient registry;
        private Duration latenessHorizon = Duration.ofDays(7);
        private Duration grace = Duration.ofHours(2);
        private Duration maxGap = Duration.ofMinutes(15);
        private Duration meterTolerance = Duration.ofMinutes(6);
        private Duration silenceAfter = Duration.ofMinutes(30);
        private Duration punctuationInterval = Duration.ofSeconds(30);
        private Duration purgeInterval = Duration.ofMinutes(10);
        private ZoneId fleetTimeZone = ZoneId.of("UTC");
        private double fuelDropThresholdPct = 5.0;
        private double maxSpeedKmh = 120.0;
        private int seqWindow = 1024;
        private TopologyMetrics metrics = TopologyMetrics.NONE;

        private Builder(SchemaRegistryClient registry) {
            this.registry = Objects.requireNonNull(registry, "registry");
        }

        public Builder applicationId(String value) {
            applicationId = value;
            return this;
        }

        public Builder latenessHorizon(Duration value) {
            latenessHorizon = value;
            return this;
        }

        public Builder grace(Duration value) {
            grace = value;
            return this;
        }

        public Builder maxGap(Duration value) {
            maxGap = value;
            return this;
        }

        public Builder meterTolerance(Duration value) {
            meterTolerance = value;
            return this;
        }

        public Builder silenceAfter(Duration value) {
            silenceAfter = value;
            return this;
        }

        public Builder punctuationInterval(Duration value) {
            punctuationInterval = value;
            return this;
        }

        public Builder purgeInterval(Duration value) {
            purgeInterval = value;
            return this;
        }

        public Builder fleetTimeZone(ZoneId value) {
            fleetTimeZone = value;
            return this;
        }

        public Builder fuelDropThresholdPct(double value) {
            fuelDropThresholdPct = value;
            return this;
        }

        public Builder maxSpeedKmh(double value) {
            maxSpeedKmh = value;
            return this;
        }

        public Builder seqWindow(int value) {
            seqWindow = value;
            return this;
        }

        public Builder metrics(TopologyMetrics value) {
            metrics = Objects.requireNonNull(value, "metrics");
            return this;
        }

        public TopologyConfig build() {
            if (applicationId == null || applicationId.isBlank()) {
                throw new IllegalArgumentException("applicationId must not be empty");
            }
            Objects.requireNonNull(fleetTimeZone, "fleetTimeZone");
            positive("maxGap", maxGap);
            positive("silenceAfter", silenceAfter);
            positive("punctuationInterval", punctuationInterval);
            positive("purgeInterval", purgeInterval);
            if (meterTolerance == null || meterTolerance.isNegative()) {
                throw new IllegalArgumentException("meterTolerance must be >= 0, got " + meterTolerance);
            }
            if (grace == null || grace.isNegative() || grace.compareTo(Duration.ofDays(1)) > 0) {
                throw new IllegalArgumentException("grace must be between 0 and 1 day, got " + grace);
            }
            if (latenessHorizon == null || latenessHorizon.compareTo(Duration.ofDays(1).plus(grace)) < 0) {
                throw new IllegalArgumentException("latenessHorizon must cover at least a day plus the grace ("
                        + Duration.ofDays(1).plus(grace) + ") so that late data can still revise a closed day, got "
                        + latenessHorizon);
            }
            if (!(fuelDropThresholdPct > 0 && fuelDropThresholdPct <= 100)) {
                throw new IllegalArgumentException("fuelDropThresholdPct must be in (0, 100], got " + fuelDropThresholdPct);
            }
            if (!(maxSpeedKmh > 0)) {
                throw new IllegalArgumentException("maxSpeedKmh must be > 0, got " + maxSpeedKmh);
            }
            if (seqWindow <= 0 || seqWindow % 64 != 0 || seqWindow > 65_536) {
                throw new IllegalArgumentException("seqWindow must be a multiple of 64 up to 65536, got " + seqWindow);
            }
            return new TopologyConfig(this);
        }

        private static void positive(String name, Duration value) {
            if (value == null || value.isZero() || value.isNegative()) {
                throw new IllegalArgumentException(name + " must be > 0, got " + value);
            }
        }
    }
}
