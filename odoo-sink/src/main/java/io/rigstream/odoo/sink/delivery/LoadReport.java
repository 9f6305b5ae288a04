package io.rigstream.odoo.sink.delivery;

import java.util.ArrayList;
import java.util.List;

/** What the loads of one batch achieved so far: rows Odoo confirmed, rows it refused with its message. */
final class LoadReport {

    /** A row Odoo refused. */
    record Refusal(Entry entry, String errorClass, String field, String message) {
    }

    final List<Entry> written = new ArrayList<>();
    final List<Refusal> refused = new ArrayList<>();
}
