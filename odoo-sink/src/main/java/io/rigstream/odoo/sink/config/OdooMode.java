package io.rigstream.odoo.sink.config;

/** Whether calls go to a server or, as JSON lines, to the outbox file. */
public enum OdooMode {
    DRY_RUN("dry-run"), LIVE("live");

    private final String key;

    OdooMode(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    public static OdooMode of(String key) {
        return Keyed.of(values(), key, OdooMode::key);
    }
}
