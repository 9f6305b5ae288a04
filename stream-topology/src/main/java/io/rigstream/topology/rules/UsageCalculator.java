package io.rigstream.topology.rules;

import io.rigstream.topology.model.EquipmentProfileSettings;
import io.rigstream.topology.model.Reading;

/**
 * Usage over a time window: the sum, over consecutive pairs of readings, of each pair's usage share inside the
 * window. A pure function of the set of readings, so the figures do not depend on the order they arrived in.
 */
public final class UsageCalculator {

    private final IntervalRules rules;
    private final long maxGapMs;

    public UsageCalculator(UsageSettings settings) {
        this.rules = new IntervalRules(settings);
        this.maxGapMs = settings.maxGapMs();
    }

    public Usage over(ReadingSeries series, long from, long to, EquipmentProfileSettings profile) {
        int anchor = Math.max(0, series.firstAtOrAfter(from) - 1);
        if (anchor + 1 >= series.size()) {
            return Usage.NONE;
        }
        // An engine state is trusted for maxGap after its report, so start where a carried state could come from.
        int index = series.firstAtOrAfter(series.get(anchor).deviceTs() - maxGapMs);
        Usage total = Usage.NONE;
        Boolean carried = null;
        long carriedTs = Long.MIN_VALUE;
        for (; index + 1 < series.size(); index++) {
            Reading a = series.get(index);
            Reading b = series.get(index + 1);
            if (a.running() != null) {
                carried = a.running();
                carriedTs = a.deviceTs();
            }
            if (a.deviceTs() >= to) {
                break;
            }
            if (b.deviceTs() <= from) {
                continue;
            }
            Boolean running = carried != null && a.deviceTs() - carriedTs <= maxGapMs ? carried : null;
            total = total.plus(rules.between(a, b, running, profile).portion(a.deviceTs(), b.deviceTs(), from, to));
        }
        return total;
    }
}
