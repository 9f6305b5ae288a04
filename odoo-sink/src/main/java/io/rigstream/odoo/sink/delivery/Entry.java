package io.rigstream.odoo.sink.delivery;

import io.rigstream.odoo.sink.mapping.OdooRow;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;

/**
 * One row to load and the records it stands for: when a batch holds several records with the same external id
 * (revisions of one day, a fault and its clearing), only the last is written, and all are done when it is.
 */
record Entry(OdooRow row, List<PendingRecord> sources, SpecificRecord decoded) {

    Entry {
        sources = List.copyOf(sources);
    }

    Entry with(OdooRow resolved) {
        return new Entry(resolved, sources, decoded);
    }
}
