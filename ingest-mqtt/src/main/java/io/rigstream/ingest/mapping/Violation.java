package io.rigstream.ingest.mapping;

/** One broken rule: the contract's reason code and a detail naming the field and offending value. */
record Violation(ReasonCode reason, String detail) {
}
