package io.rigstream.odoo.sink.lookup;

import java.util.Map;

/**
 * The outcome of looking keys up in Odoo: database ids of the keys found, and for the others why not (unknown,
 * ambiguous, refused on creation), which becomes the dead-letter detail.
 */
public record Resolved(Map<String, Integer> ids, Map<String, String> problems) {

    public Resolved {
        ids = Map.copyOf(ids);
        problems = Map.copyOf(problems);
    }
}
