package io.rigstream.odoo.sink.delivery;

import io.rigstream.odoo.sink.lookup.EquipmentDirectory;
import io.rigstream.odoo.sink.lookup.ProjectDirectory;
import io.rigstream.odoo.sink.mapping.Mapped;
import io.rigstream.odoo.sink.mapping.RecordMapper;
import io.rigstream.odoo.sink.metrics.SinkMetrics;
import io.rigstream.odoo.sink.odoo.ErrorKind;
import io.rigstream.odoo.sink.odoo.OdooApi;
import io.rigstream.odoo.sink.odoo.OdooException;
import io.rigstream.schemas.registry.SchemaRegistryException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.avro.specific.SpecificRecord;

/**
 * Delivers one batch: decode, map, combine records with the same external id, resolve equipment and projects, load,
 * dead-letter what Odoo refused and what cannot be mapped. The outcome says which records are done. On a transient
 * failure the records not yet written are handed back whole, their dead letters unsent: the retry decides again,
 * so no record is dead-lettered twice. Runs on a lane's worker thread; interrupting it abandons the batch.
 */
public final class BatchDelivery implements Delivery {

    private final RecordReader reader;
    private final RecordMapper mapper;
    private final ReferenceResolver resolver;
    private final RowLoader loader;
    private final DeadLetterPublisher deadLetters;
    private final SinkMetrics metrics;

    public BatchDelivery(RecordReader reader, RecordMapper mapper, EquipmentDirectory equipment, ProjectDirectory projects,
            OdooApi odoo, DeadLetterPublisher deadLetters, SinkMetrics metrics) {
        this.reader = reader;
        this.mapper = mapper;
        this.resolver = new ReferenceResolver(equipment, projects);
        this.loader = new RowLoader(odoo);
        this.deadLetters = deadLetters;
        this.metrics = metrics;
    }

    @Override
    public BatchOutcome deliver(Batch batch) throws InterruptedException {
        List<DeadLetter> letters = new ArrayList<>();
        List<PendingRecord> skipped = new ArrayList<>();
        LoadReport report = new LoadReport();
        try {
            List<Entry> entries = readAndMap(batch, letters, skipped);
            List<ReferenceResolver.Unresolved> unresolved = new ArrayList<>();
            List<Entry> resolved = resolver.resolve(entries, unresolved);
            unresolved.forEach(u -> u.entry().sources().forEach(source ->
                    letters.add(new DeadLetter(source, batch.lane(), u.reason(), "rigstream." + u.reason(), u.detail(), Optional.of(u.entry().decoded())))));
            loader.load(resolved, report);
        } catch (OdooException e) {
            return unfinished(batch, written(report), e);
        } catch (SchemaRegistryException e) {
            return unfinished(batch, written(report), new OdooException(ErrorKind.TRANSIENT, "rigstream.SchemaRegistry",
                    "schema registry unavailable: " + e.getMessage(), Optional.empty(), e));
        }
        for (LoadReport.Refusal refusal : report.refused) {
            resolver.forgetRelationsOf(refusal.entry().row(), refusal.field());
            String detail = refusal.field().isEmpty() ? refusal.message() : refusal.field() + ": " + refusal.message();
            refusal.entry().sources().forEach(source -> letters.add(new DeadLetter(source, batch.lane(), "ODOO_REJECTED",
                    refusal.errorClass(), detail, Optional.of(refusal.entry().decoded()))));
        }
        List<PendingRecord> written = written(report);
        try {
            deadLetters.publish(letters);
        } catch (DeadLetterPublisher.DeadLetterFailure e) {
            return unfinished(batch, written, new OdooException(ErrorKind.TRANSIENT, "rigstream.DeadLetterTopic", e.getMessage(), Optional.empty(), e));
        }
        report(batch.lane(), written, skipped, letters);
        List<PendingRecord> done = new ArrayList<>(written);
        done.addAll(skipped);
        letters.forEach(letter -> done.add(letter.source()));
        return BatchOutcome.completed(done);
    }

    @Override
    public BatchOutcome expire(Batch batch, String cause) throws InterruptedException {
        List<DeadLetter> letters = new ArrayList<>();
        batch.records().forEach(source -> letters.add(new DeadLetter(source, batch.lane(), "RETRY_DEADLINE",
                "rigstream.RetryDeadline", "still failing transiently past odoo.retry.deadline.ms: " + cause, Optional.empty())));
        try {
            deadLetters.publish(letters);
        } catch (DeadLetterPublisher.DeadLetterFailure e) {
            return new BatchOutcome(List.of(), batch.records(), Optional.of(new OdooException(ErrorKind.TRANSIENT,
                    "rigstream.DeadLetterTopic", e.getMessage(), Optional.empty(), e)));
        }
        report(batch.lane(), List.of(), List.of(), letters);
        return BatchOutcome.completed(batch.records());
    }

    private List<Entry> readAndMap(Batch batch, List<DeadLetter> letters, List<PendingRecord> skipped) {
        Map<String, Entry> byExternalId = new LinkedHashMap<>();
        for (PendingRecord record : batch.records()) {
            SpecificRecord value;
            try {
                value = reader.read(record);
            } catch (SchemaRegistryException e) {
                if (e.retriable()) {
                    throw e;
                }
                letters.add(new DeadLetter(record, batch.lane(), "UNDESERIALIZABLE", e.getClass().getName(), e.getMessage(), Optional.empty()));
                continue;
            } catch (RuntimeException e) {
                letters.add(new DeadLetter(record, batch.lane(), "UNDESERIALIZABLE", e.getClass().getName(), String.valueOf(e.getMessage()), Optional.empty()));
                continue;
            }
            if (value == null) {
                skipped.add(record);
                continue;
            }
            Mapped mapped;
            try {
                mapped = mapper.map(value);
            } catch (RuntimeException e) {
                // A record the mapping cannot handle must not stop the sink: it is this record's problem.
                letters.add(new DeadLetter(record, batch.lane(), "MAPPING_FAILED", e.getClass().getName(), String.valueOf(e.getMessage()), Optional.of(value)));
                continue;
            }
            if (mapped instanceof Mapped.Row row) {
                Entry earlier = byExternalId.remove(row.row().externalId());
                List<PendingRecord> sources = new ArrayList<>(earlier == null ? List.of() : earlier.sources());
                sources.add(record);
                byExternalId.put(row.row().externalId(), new Entry(row.row(), sources, value));
            } else if (mapped instanceof Mapped.Reject reject) {
                letters.add(new DeadLetter(record, batch.lane(), reject.reason(), "rigstream.Mapping", reject.detail(), Optional.of(value)));
            } else {
                skipped.add(record);
            }
        }
        return new ArrayList<>(byExternalId.values());
    }

    private static List<PendingRecord> written(LoadReport report) {
        List<PendingRecord> written = new ArrayList<>();
        report.written.forEach(entry -> written.addAll(entry.sources()));
        return written;
    }

    private BatchOutcome unfinished(Batch batch, List<PendingRecord> written, OdooException failure) {
        Set<PendingRecord> done = new HashSet<>(written);
        List<PendingRecord> remaining = batch.records().stream().filter(record -> !done.contains(record)).toList();
        metrics.delivered(batch.lane(), written.size());
        return new BatchOutcome(written, remaining, Optional.of(failure));
    }

    private void report(Lane lane, List<PendingRecord> written, List<PendingRecord> skipped, List<DeadLetter> letters) {
        metrics.delivered(lane, written.size());
        metrics.skipped(lane, skipped.size());
        letters.forEach(letter -> metrics.deadLettered(lane, letter.reason(), 1));
    }
}
