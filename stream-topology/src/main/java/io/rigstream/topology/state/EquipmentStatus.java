package io.rigstream.topology.state;

import io.rigstream.topology.model.Reading;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Everything the topology keeps per equipment outside its time series, in one store entry so that a reading costs
 * one read and one write of it: duplicate detection, the newest state, what needs recomputing, which days have been
 * closed, and whether the equipment is silent.
 */
public final class EquipmentStatus {

    static final long NONE = Long.MIN_VALUE;

    final SeqWindow seqs;
    final LatestState latest;
    long maxDeviceTs = NONE;
    long lastReportTs = NONE;
    /** The range to recompute; empty while {@code dirtyFrom > dirtyTo}. */
    long dirtyFrom = Long.MAX_VALUE;
    long dirtyTo = Long.MIN_VALUE;
    boolean stateChanged;
    long equipmentDayCursor = NONE;
    final Map<String, Long> jobDayCursors;
    long silentSince = NONE;
    /**
     * The start each open fault episode's FAULT trigger was emitted with, by fault code, and that of the open downtime
     * episode: a late report can move an episode's start earlier after its opening went out, and its closing must
     * still carry the opening's id.
     */
    final Map<String, Long> openFaultEpisodes = new TreeMap<>();
    long openDowntimeStart = NONE;
    /**
     * The stored reading at {@link #maxDeviceTs}, null when not known (a status written before version 3): the
     * predecessor of the usual arriving reading, which then needs no store walk to find it.
     */
    Reading newest;
    /**
     * Not stored: whether this instance changed since it was read or stored, so that unchanged entries are not
     * rewritten.
     */
    private boolean modified;

    public EquipmentStatus(int seqWindowSize) {
        this(new SeqWindow(seqWindowSize), new LatestState(), new TreeMap<>());
    }

    EquipmentStatus(SeqWindow seqs, LatestState latest, Map<String, Long> jobDayCursors) {
        this.seqs = seqs;
        this.latest = latest;
        this.jobDayCursors = jobDayCursors;
    }

    public SeqWindow seqs() {
        return seqs;
    }

    public LatestState latest() {
        return latest;
    }

    public boolean hasReadings() {
        return maxDeviceTs != NONE;
    }

    /** Device time of the newest reading; readings older than it by more than the horizon are too late. */
    public long maxDeviceTs() {
        return maxDeviceTs;
    }

    /** Receipt time of the newest arrival, by the bridge's clock: silence is measured from it. */
    public Optional<Long> lastReportTs() {
        return lastReportTs == NONE ? Optional.empty() : Optional.of(lastReportTs);
    }

    /** A reading was stored: it is the newest when no stored one is later. */
    public void recordArrival(Reading stored, long receivedTs) {
        modified = true;
        if (stored.deviceTs() >= maxDeviceTs) {
            newest = stored;
            maxDeviceTs = stored.deviceTs();
        }
        lastReportTs = Math.max(lastReportTs, receivedTs);
    }

    /** The stored reading at {@link #maxDeviceTs()}, when known. */
    public Optional<Reading> newest() {
        return Optional.ofNullable(newest);
    }

    /** Windows overlapping {@code [from, to]} must be recomputed; ranges accumulate until {@link #takeDirty()}. */
    public void markDirty(long from, long to) {
        modified = true;
        dirtyFrom = Math.min(dirtyFrom, from);
        dirtyTo = Math.max(dirtyTo, to);
    }

    /** The accumulated range to recompute, cleared. */
    public Optional<long[]> takeDirty() {
        if (dirtyFrom > dirtyTo) {
            return Optional.empty();
        }
        long[] range = {dirtyFrom, dirtyTo};
        modified = true;
        dirtyFrom = Long.MAX_VALUE;
        dirtyTo = Long.MIN_VALUE;
        return Optional.of(range);
    }

    public void markStateChanged() {
        modified = true;
        stateChanged = true;
    }

    /** Whether the published state is stale, cleared. */
    public boolean takeStateChanged() {
        boolean changed = stateChanged;
        stateChanged = false;
        modified |= changed;
        return changed;
    }

    /** The last fleet-zone day whose equipment figures were closed. */
    public Optional<LocalDate> equipmentDayCursor() {
        return equipmentDayCursor == NONE ? Optional.empty() : Optional.of(LocalDate.ofEpochDay(equipmentDayCursor));
    }

    public void equipmentDayCursor(LocalDate day) {
        modified = true;
        equipmentDayCursor = day.toEpochDay();
    }

    public Optional<LocalDate> jobDayCursor(String jobId) {
        Long day = jobDayCursors.get(jobId);
        return day == null ? Optional.empty() : Optional.of(LocalDate.ofEpochDay(day));
    }

    public void jobDayCursor(String jobId, LocalDate day) {
        modified = true;
        jobDayCursors.put(jobId, day.toEpochDay());
    }

    public void forgetJob(String jobId) {
        modified = true;
        jobDayCursors.remove(jobId);
    }

    /** Jobs whose days this equipment has closed. */
    public java.util.Set<String> jobsWithCursor() {
        return java.util.Set.copyOf(jobDayCursors.keySet());
    }

    /** When the open NO_REPORT episode's silence started, if one is open. */
    public Optional<Long> silentSince() {
        return silentSince == NONE ? Optional.empty() : Optional.of(silentSince);
    }

    public void silentSince(long lastReport) {
        modified = true;
        silentSince = lastReport;
    }

    public void reportingResumed() {
        modified = true;
        silentSince = NONE;
    }

    public void faultEpisodeOpened(String code, long start) {
        modified = true;
        openFaultEpisodes.put(code, start);
    }

    /** The start the episode of {@code code} was opened with, forgotten as it closes; empty if not known. */
    public Optional<Long> faultEpisodeClosed(String code) {
        Long start = openFaultEpisodes.remove(code);
        modified |= start != null;
        return Optional.ofNullable(start);
    }

    public void downtimeOpened(long start) {
        modified = true;
        openDowntimeStart = start;
    }

    /** The start the open downtime episode was opened with, forgotten as it closes; empty if not known. */
    public Optional<Long> downtimeClosed() {
        long start = openDowntimeStart;
        openDowntimeStart = NONE;
        modified |= start != NONE;
        return start == NONE ? Optional.empty() : Optional.of(start);
    }

    /** Whether anything changed since this instance was read, stored or last asked, cleared. */
    public boolean takeModified() {
        boolean was = modified;
        modified = false;
        return was;
    }
}
