package io.rigstream.odoo.sink.delivery;

/** What the poll loop asks of delivery: send a batch, or give up on one past its retry deadline. */
public interface Delivery {

    BatchOutcome deliver(Batch batch) throws InterruptedException;

    /** Dead-letters every record of {@code batch}, which kept failing with {@code cause}. */
    BatchOutcome expire(Batch batch, String cause) throws InterruptedException;
}
