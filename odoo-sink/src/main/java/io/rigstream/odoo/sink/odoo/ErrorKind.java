package io.rigstream.odoo.sink.odoo;

/** The three ways a call can fail, each with its own handling (STYLE: errors are classified). */
public enum ErrorKind {
    /** This record can never be written as it is: dead-letter it, keep its neighbours. */
    POISON,
    /** Odoo or the way to it is busy or down: back off and send the same batch again. */
    TRANSIENT,
    /** Configuration or rights are wrong: stop with a message that says what to fix. */
    FATAL
}
