package io.rigstream.odoo.sink.mapping;

/** What a record becomes: a row to write, nothing to write, or a rejection with a reason code. */
public sealed interface Mapped {

    record Row(OdooRow row) implements Mapped {
    }

    /** Consumed without a write, e.g. a silence episode: the sink only files maintenance work. */
    record Skip(String why) implements Mapped {
    }

    record Reject(String reason, String detail) implements Mapped {
    }
}
