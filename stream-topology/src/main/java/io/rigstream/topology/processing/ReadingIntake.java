package io.rigstream.topology.processing;

import io.rigstream.schemas.DowntimeKind;
import io.rigstream.schemas.TelemetryReading;
import io.rigstream.schemas.topics.Topics;
import io.rigstream.topology.TopologyConfig;
import io.rigstream.topology.errors.RejectReason;
import io.rigstream.topology.metrics.TopologyMetrics;
import io.rigstream.topology.metrics.TopologyMetrics.ReadingOutcome;
import io.rigstream.topology.model.AssignmentHistory;
import io.rigstream.topology.model.AssignmentInterval;
import io.rigstream.topology.model.EquipmentKeys;
import io.rigstream.topology.model.EquipmentProfileSettings;
import io.rigstream.topology.model.FaultReport;
import io.rigstream.topology.model.Reading;
import io.rigstream.topology.processing.Deduplicator.Verdict;
import io.rigstream.topology.state.EquipmentStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One arriving reading: reject it if too late or misrouted, drop it if a duplicate, otherwise store it, update the
 * equipment's state, mark the windows it changes for recomputation and raise the events its arrival causes.
 * Figures are not computed here; the {@link WindowPublisher} does that from the stored readings.
 */
final class ReadingIntake {

    private final EquipmentStores stores;
    private final EventRaiser events;
    private final Emitter out;
    private final TopologyMetrics metrics;
    private final int seqWindow;
    private final long horizonMs;
    private final long maxGapMs;

    ReadingIntake(TopologyConfig config, EquipmentStores stores, Emitter out) {
        this.stores = stores;
        this.events = new EventRaiser(config, stores, out);
        this.out = out;
        this.metrics = config.metrics();
        this.seqWindow = config.seqWindow();
        this.horizonMs = config.latenessHorizon().toMillis();
        this.maxGapMs = config.maxGap().toMillis();
    }

    void accept(String equipment, TelemetryReading avro, AssignmentHistory history, EquipmentProfileSettings profile) {
        if (!EquipmentKeys.of(avro.getTenant(), avro.getEquipmentId()).equals(equipment)) {
            reject(equipment, avro, ReadingOutcome.KEY_MISMATCH, RejectReason.KEY_MISMATCH,
                    "record key " + equipment + " is not the reading's tenant/equipmentId");
            return;
        }
        Reading reading = AvroMapping.reading(avro);
        EquipmentStatus status = Optional.ofNullable(stores.statuses.get(equipment))
                .orElseGet(() -> new EquipmentStatus(seqWindow));
        if (status.hasReadings() && reading.deviceTs() < status.maxDeviceTs() - horizonMs) {
            reject(equipment, avro, ReadingOutcome.TOO_LATE, RejectReason.TOO_LATE, "device time " + avro.getDeviceTs()
                    + " is more than " + Duration.ofMillis(horizonMs) + " behind the equipment's newest reading at "
                    + Instant.ofEpochMilli(status.maxDeviceTs()) + ": it could no longer be checked for duplicates");
            return;
        }
        ReadingNeighbours neighbours = ReadingNeighbours.of(stores.readings, equipment, reading, status);
        Verdict verdict = Deduplicator.check(status, reading, neighbours.stored());
        if (reading.seq() != null) {
            status.seqs().record(reading.seq());
        }
        if (verdict == Verdict.DUPLICATE || verdict == Verdict.CONFLICT) {
            metrics.reading(verdict == Verdict.DUPLICATE ? ReadingOutcome.DUPLICATE : ReadingOutcome.CONFLICT);
            stores.statuses.put(equipment, status);
            return;
        }
        metrics.reading(verdict == Verdict.NEW ? ReadingOutcome.ACCEPTED : ReadingOutcome.CONFLICT);
        Optional<FaultReport> report = AvroMapping.faultReport(avro);
        store(equipment, reading, report, verdict == Verdict.REPLACES_STORED);
        status.recordArrival(reading, avro.getReceivedTs().toEpochMilli());
        boolean changed = status.latest().apply(reading);
        if (report.isPresent()) {
            changed |= status.latest().apply(report.get());
        }
        if (changed) {
            status.markStateChanged();
        }
        resumeIfSilent(equipment, status, history, avro.getReceivedTs().toEpochMilli());
        markDirty(equipment, status, reading, neighbours, report.isPresent());
        if (verdict == Verdict.NEW) {
            events.onInsert(equipment, reading, neighbours, report, history,
                    profile.withTankFallback(status.latest().tankLitres()), status);
        }
        stores.statuses.put(equipment, status);
    }

    private void store(String equipment, Reading reading, Optional<FaultReport> report, boolean replacing) {
        stores.readings.put(equipment, reading);
        if (report.isPresent()) {
            stores.faults.put(equipment, report.get());
        } else if (replacing) {
            stores.faults.delete(equipment, reading.deviceTs());
        }
    }

    /**
     * The reading changes the intervals to its neighbours; the engine state it reports is carried by readings up to
     * {@code maxGap} later, whose intervals (running-based ones last at most {@code maxGap}) end within twice that;
     * when it reports faults, it changes the downtime until the next fault report.
     */
    private void markDirty(String equipment, EquipmentStatus status, Reading reading, ReadingNeighbours neighbours,
            boolean reportsFaults) {
        long ts = reading.deviceTs();
        long from = neighbours.before() == null ? ts : neighbours.before().deviceTs();
        long to = Math.max(neighbours.after() == null ? ts : neighbours.after().deviceTs(), ts + 2 * maxGapMs);
        if (reportsFaults) {
            to = Math.max(to, stores.faults.after(equipment, ts).map(FaultReport::deviceTs).orElse(Long.MAX_VALUE));
        }
        status.markDirty(from, to);
    }

    private void resumeIfSilent(String equipment, EquipmentStatus status, AssignmentHistory history, long receivedTs) {
        status.silentSince().ifPresent(since -> {
            String job = history.at(receivedTs).map(AssignmentInterval::jobId).orElse(null);
            out.emit(Topics.DOWNTIME, equipment, EventRecords.event(EventRecords.silenceEventId(equipment, since),
                    equipment, job, DowntimeKind.REPORTING_RESUMED, since, receivedTs, List.of()), receivedTs);
            status.reportingResumed();
        });
    }

    private void reject(String equipment, TelemetryReading avro, ReadingOutcome outcome, RejectReason reason,
            String detail) {
        metrics.reading(outcome);
        out.emit(Topics.REJECTED, equipment, EventRecords.rejected(avro, reason.name(), detail),
                avro.getReceivedTs().toEpochMilli());
    }
}
