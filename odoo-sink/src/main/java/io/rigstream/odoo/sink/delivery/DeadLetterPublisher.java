package io.rigstream.odoo.sink.delivery;

import java.util.List;

/** Sends dead letters and returns once they are acknowledged, so their offsets may be committed. */
public interface DeadLetterPublisher {

    void publish(List<DeadLetter> letters) throws DeadLetterFailure, InterruptedException;

    /** The dead letters could not be acknowledged; the batch is retried. */
    final class DeadLetterFailure extends Exception {
        public DeadLetterFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
