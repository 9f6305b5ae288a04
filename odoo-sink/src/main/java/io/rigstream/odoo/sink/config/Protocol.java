package io.rigstream.odoo.sink.config;

/** Which wire protocol to speak; {@code auto} asks the server its version once at start. */
public enum Protocol {
    AUTO("auto"), JSONRPC("jsonrpc"), JSON2("json2");

    private final String key;

    Protocol(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    public static Protocol of(String key) {
        return Keyed.of(values(), key, Protocol::key);
    }
}
