package io.rigstream.odoo.sink.odoo;

/**
 * One right the integration user needs, with what to grant when it is missing.
 *
 * @param operation {@code read}, {@code create} or {@code write}
 * @param grant     the Odoo app or group that gives it, for the error message
 */
public record AccessCheck(String model, String operation, String grant) {
}
