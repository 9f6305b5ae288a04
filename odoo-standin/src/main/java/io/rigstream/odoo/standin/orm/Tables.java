package io.rigstream.odoo.standin.orm;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The rows of every model plus the external-id index. Rows are immutable maps replaced on write, so a copy of the
 * outer maps is a consistent snapshot: that is how a failed transaction is rolled back.
 */
final class Tables {

    final Map<String, TreeMap<Integer, Map<String, Object>>> rows;
    /** "module.name" to the id of its ir.model.data row. */
    final Map<String, Integer> xmlids;

    Tables(Map<String, TreeMap<Integer, Map<String, Object>>> rows, Map<String, Integer> xmlids) {
        this.rows = rows;
        this.xmlids = xmlids;
    }

    static Tables empty(Iterable<String> models) {
        Map<String, TreeMap<Integer, Map<String, Object>>> rows = new HashMap<>();
        models.forEach(model -> rows.put(model, new TreeMap<>()));
        return new Tables(rows, new HashMap<>());
    }

    Tables copy() {
        Map<String, TreeMap<Integer, Map<String, Object>>> rowsCopy = new HashMap<>();
        rows.forEach((model, table) -> rowsCopy.put(model, new TreeMap<>(table)));
        return new Tables(rowsCopy, new HashMap<>(xmlids));
    }
}
