package io.rigstream.odoo.sink.delivery;

/**
 * A queue of records with its own batches. Maintenance requests (triggers, downtime) have a lane of their own, ahead
 * of usage lines: a technician waiting on an alert matters more than a timesheet line that bills next week.
 * Each lane has at most one batch in flight, which keeps each external id's writes in order.
 */
public enum Lane {
    MAINTENANCE("maintenance"), USAGE("usage");

    private final String tag;

    Lane(String tag) {
        this.tag = tag;
    }

    /** The metric tag and outbox spelling. */
    public String tag() {
        return tag;
    }
}
