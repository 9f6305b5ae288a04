package io.rigstream.odoo.sink.delivery;

import io.rigstream.odoo.sink.mapping.UsageLineMapper;
import io.rigstream.odoo.sink.odoo.ErrorClassifier;
import io.rigstream.odoo.sink.odoo.ErrorKind;
import io.rigstream.odoo.sink.odoo.LoadResult;
import io.rigstream.odoo.sink.odoo.OdooApi;
import io.rigstream.odoo.sink.odoo.OdooException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Loads rows, one {@code load} call per model and column set. {@code load} is one transaction: when rows fail, nothing
 * is written and the answer names them; those rows are refused and the rest sent again. A failure Odoo raises for
 * the whole call without naming rows is narrowed down by halving the rows until the bad one is alone.
 * Concurrent-update conflicts and other transient failures propagate: the batch is retried as a whole, which is safe
 * because every row is an upsert by external id.
 */
final class RowLoader {

    /**
     * Odoo's import reads datetime text in the user's time zone (context {@code tz}, else the user's preference);
     * the sink writes UTC, so it says so, whatever time zone the integration user has.
     */
    private static final Map<String, Object> UTC = Map.of("tz", "UTC");
    /** Odoo's fast-import context: no mail tracking, no chatter entry per line; 2-3x faster on the capacity notes. */
    private static final Map<String, Object> FAST_IMPORT = Map.of("tz", "UTC", "tracking_disable", true, "mail_create_nolog", true,
            "mail_notrack", true);

    private final OdooApi odoo;

    RowLoader(OdooApi odoo) {
        this.odoo = odoo;
    }

    void load(List<Entry> entries, LoadReport report) throws OdooException, InterruptedException {
        Map<List<String>, List<Entry>> groups = new LinkedHashMap<>();
        entries.forEach(entry -> groups.computeIfAbsent(signature(entry), k -> new ArrayList<>()).add(entry));
        for (List<Entry> group : groups.values()) {
            loadGroup(group, report);
        }
    }

    private void loadGroup(List<Entry> entries, LoadReport report) throws OdooException, InterruptedException {
        List<Entry> pending = new ArrayList<>(entries);
        while (!pending.isEmpty()) {
            LoadResult result;
            try {
                result = odoo.load(model(pending), pending.get(0).row().columns(), cells(pending), context(model(pending)));
            } catch (OdooException e) {
                if (e.kind() != ErrorKind.POISON) {
                    throw e;
                }
                narrowDown(pending, report, e.errorClass(), "", e.getMessage());
                return;
            }
            if (result.written()) {
                report.written.addAll(pending);
                return;
            }
            for (LoadResult.RowError error : result.errors()) {
                if (ErrorClassifier.isConcurrentUpdate(error.message())) {
                    throw new OdooException(ErrorKind.TRANSIENT, "psycopg2.errors.SerializationFailure", error.message());
                }
            }
            Set<Integer> bad = new TreeSet<>();
            for (LoadResult.RowError error : result.errors()) {
                if (error.row() >= 0 && error.row() < pending.size() && bad.add(error.row())) {
                    report.refused.add(new LoadReport.Refusal(pending.get(error.row()), "odoo.load", error.field(), error.message()));
                }
            }
            if (bad.isEmpty()) {
                String message = result.errors().isEmpty() ? "load wrote nothing and named no row" : result.errors().get(0).message();
                narrowDown(pending, report, "odoo.load", "", message);
                return;
            }
            List<Entry> rest = new ArrayList<>();
            for (int i = 0; i < pending.size(); i++) {
                if (!bad.contains(i)) {
                    rest.add(pending.get(i));
                }
            }
            pending = rest;
        }
    }

    /** Refuses a single row, or halves the rows and loads each half, to find the ones at fault. */
    private void narrowDown(List<Entry> rows, LoadReport report, String errorClass, String field, String message)
            throws OdooException, InterruptedException {
        if (rows.size() == 1) {
            report.refused.add(new LoadReport.Refusal(rows.get(0), errorClass, field, message));
            return;
        }
        int half = rows.size() / 2;
        loadGroup(rows.subList(0, half), report);
        loadGroup(rows.subList(half, rows.size()), report);
    }

    /** Timesheet lines are billing data nobody follows in the chatter; maintenance requests keep their notifications. */
    private static Map<String, Object> context(String model) {
        return UsageLineMapper.MODEL.equals(model) ? FAST_IMPORT : UTC;
    }

    private static String model(List<Entry> entries) {
        return entries.get(0).row().model();
    }

    private static List<String> signature(Entry entry) {
        List<String> signature = new ArrayList<>();
        signature.add(entry.row().model());
        signature.addAll(entry.row().columns());
        return signature;
    }

    private static List<List<String>> cells(List<Entry> entries) {
        List<List<String>> rows = new ArrayList<>();
        entries.forEach(entry -> rows.add(entry.row().cells()));
        return rows;
    }
}
