package io.rigstream.odoo.sink.odoo;

import java.time.Duration;
import java.util.Optional;

/**
 * A failed Odoo call, classified. {@link #errorClass()} is what Odoo named the failure (its Python exception class),
 * or the HTTP status or Java exception when Odoo said nothing; it goes into dead-letter headers and metric tags.
 */
public final class OdooException extends Exception {

    private final ErrorKind kind;
    private final String errorClass;
    private final Optional<Duration> retryAfter;

    public OdooException(ErrorKind kind, String errorClass, String message, Optional<Duration> retryAfter, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.errorClass = errorClass;
        this.retryAfter = retryAfter;
    }

    public OdooException(ErrorKind kind, String errorClass, String message) {
        this(kind, errorClass, message, Optional.empty(), null);
    }

    public static OdooException fatal(String message) {
        return new OdooException(ErrorKind.FATAL, "rigstream.Configuration", message);
    }

    public ErrorKind kind() {
        return kind;
    }

    public String errorClass() {
        return errorClass;
    }

    /** How long the server asked us to wait (HTTP Retry-After), if it did. */
    public Optional<Duration> retryAfter() {
        return retryAfter;
    }

    /** True when Odoo (or its proxy) said it is overloaded: 429 or 503. */
    public boolean isOverload() {
        return "http.429".equals(errorClass) || "http.503".equals(errorClass);
    }

    /** The same failure, escalated: a poison answer during start-up means the setup, not a record, is wrong. */
    public OdooException asFatal(String what) {
        return kind == ErrorKind.FATAL ? this
                : new OdooException(ErrorKind.FATAL, errorClass, what + ": " + getMessage(), retryAfter, this);
    }
}
