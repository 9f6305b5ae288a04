package io.rigstream.odoo.sink.metrics;

import io.rigstream.odoo.sink.delivery.Lane;
import java.time.Duration;

/** What the sink reports about itself; tags are bounded (lanes, outcomes, Odoo methods), never per equipment. */
public interface SinkMetrics {

    /** Records Odoo confirmed. */
    void delivered(Lane lane, int records);

    /** Records sent to the dead-letter topic, by reason code. */
    void deadLettered(Lane lane, String reason, int records);

    /** Records consumed that have nothing to write (silence episodes, meter resets). */
    void skipped(Lane lane, int records);

    /** One Odoo call: its method and outcome ({@code ok} or an error kind). */
    void call(String method, String outcome, Duration latency);

    /** A batch put back to be sent again after a transient failure. */
    void batchRetried(Lane lane);

    void throttleWait(Duration waited);

    /** The current adaptive request rate, calls per second. */
    void rate(double callsPerSecond);

    static SinkMetrics none() {
        return new SinkMetrics() {
            @Override
            public void delivered(Lane lane, int records) {
            }

            @Override
            public void deadLettered(Lane lane, String reason, int records) {
            }

            @Override
            public void skipped(Lane lane, int records) {
            }

            @Override
            public void call(String method, String outcome, Duration latency) {
            }

            @Override
            public void batchRetried(Lane lane) {
            }

            @Override
            public void throttleWait(Duration waited) {
            }

            @Override
            public void rate(double callsPerSecond) {
            }
        };
    }
}
