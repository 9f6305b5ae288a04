package io.rigstream.ingest.mapping;

/**
 * Why a message, or one reading of it, was rejected: exactly the codes of gateway payload contract v1.
 *
 * <p>Declaration order is the order of the contract's validation table, and it is also the
 * precedence when one reading breaks several rules: the reading is rejected with the code declared
 * first, so the outcome does not depend on the order of the fields in the JSON.
 */
public enum ReasonCode {
    MALFORMED_JSON,
    TOO_LARGE,
    BAD_TOPIC,
    EQUIPMENT_MISMATCH,
    MISSING_FIELD,
    BAD_TYPE,
    OUT_OF_RANGE,
    FUTURE_TIMESTAMP,
    STALE_TIMESTAMP,
    EMPTY_READING;

    boolean takesPrecedenceOver(ReasonCode other) {
        return ordinal() < other.ordinal();
    }
}
