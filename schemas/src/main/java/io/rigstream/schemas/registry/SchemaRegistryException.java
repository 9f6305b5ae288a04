package io.rigstream.schemas.registry;

/** A schema registry call failed; {@link #retriable()} tells whether trying again may help. */
public final class SchemaRegistryException extends RuntimeException {

    private final int httpStatus;
    private final int errorCode;

    public SchemaRegistryException(String message, int httpStatus, int errorCode, Throwable cause) {
        super(message, cause);
        this.httpStatus = httpStatus;
        this.errorCode = errorCode;
    }

    public SchemaRegistryException(String message) {
        this(message, 0, 0, null);
    }

    /** HTTP status of the registry's answer, 0 when there was none (connection failure, in-process registry). */
    public int httpStatus() {
        return httpStatus;
    }

    /** The registry's {@code error_code} (e.g. 40403 schema not found, 42201 invalid schema), 0 when absent. */
    public int errorCode() {
        return errorCode;
    }

    /** Server-side and connection failures may pass; a 4xx answer will not change by retrying. */
    public boolean retriable() {
        return httpStatus == 0 && getCause() != null || httpStatus >= 500 || httpStatus == 429;
    }
}
