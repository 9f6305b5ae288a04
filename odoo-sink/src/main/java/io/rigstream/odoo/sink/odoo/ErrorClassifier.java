package io.rigstream.odoo.sink.odoo;

import java.util.Set;

/**
 * Classifies Odoo's answers by the exception class it names, as observed on a real server (shared/odoo/README.md),
 * and HTTP statuses by what they mean for a retry.
 */
public final class ErrorClassifier {

    private static final Set<String> FATAL = Set.of(
            "odoo.exceptions.AccessDenied", "odoo.exceptions.AccessError",
            "werkzeug.exceptions.Unauthorized", "werkzeug.exceptions.Forbidden", "werkzeug.exceptions.NotFound");
    private static final Set<String> TRANSIENT = Set.of(
            "psycopg2.errors.SerializationFailure", "psycopg2.extensions.TransactionRollbackError",
            "psycopg2.pool.PoolError", "psycopg2.OperationalError", "psycopg2.errors.LockNotAvailable");
    private static final String CONCURRENT_UPDATE = "could not serialize access";

    private ErrorClassifier() {
    }

    /**
     * Rights and credentials are fatal; concurrency and pool exhaustion are transient; everything else Odoo refuses
     * (validation, user errors, unknown fields, bad values) is about the data, hence poison.
     */
    public static ErrorKind ofOdooError(String name, String message) {
        if (FATAL.contains(name)) {
            return ErrorKind.FATAL;
        }
        if (TRANSIENT.contains(name) || isConcurrentUpdate(message)) {
            return ErrorKind.TRANSIENT;
        }
        return ErrorKind.POISON;
    }

    /**
     * Statuses without an Odoo error body. Timeouts, throttling and server errors pass; 401/403 need new
     * credentials or rights; any other 4xx means the URL or protocol is wrong, which no retry fixes.
     */
    public static ErrorKind ofHttpStatus(int status) {
        if (status == 408 || status == 429 || status >= 500) {
            return ErrorKind.TRANSIENT;
        }
        return ErrorKind.FATAL;
    }

    /** Statuses that mean "overloaded or in maintenance" whatever the body says. */
    public static boolean isRetryableStatus(int status) {
        return status == 429 || status == 502 || status == 503 || status == 504;
    }

    /** The losers of concurrent loads of the same external id get this row message: retry them. */
    public static boolean isConcurrentUpdate(String message) {
        return message != null && message.contains(CONCURRENT_UPDATE);
    }
}
