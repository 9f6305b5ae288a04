package io.rigstream.odoo.sink.config;

/** What to do with a record whose equipment or job Odoo does not know. */
public enum UnknownPolicy {
    DEAD_LETTER("dead-letter"), CREATE("create");

    private final String key;

    UnknownPolicy(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    public static UnknownPolicy of(String key) {
        return Keyed.of(values(), key, UnknownPolicy::key);
    }
}
