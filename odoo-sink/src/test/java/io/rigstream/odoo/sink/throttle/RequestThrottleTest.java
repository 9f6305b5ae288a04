package io.rigstream.odoo.sink.throttle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rigstream.odoo.sink.FakeClock;
import io.rigstream.odoo.sink.config.ThrottleSettings;
import io.rigstream.odoo.sink.metrics.SinkMetrics;
import io.rigstream.odoo.sink.odoo.ErrorKind;
import io.rigstream.odoo.sink.odoo.OdooException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RequestThrottleTest {

    private static final Instant START = Instant.parse("2026-11-23T08:00:00Z");

    private final FakeClock clock = new FakeClock(START);
    private final List<Instant> starts = new ArrayList<>();

    private RequestThrottle throttle(double requestsPerSecond, double recordsPerSecond) {
        return new RequestThrottle(new ThrottleSettings(requestsPerSecond, recordsPerSecond, 0.5, 1.0, Duration.ofSeconds(2), 2),
                clock, clock.sleeper(), SinkMetrics.none());
    }

    private void call(RequestThrottle throttle, int records) throws Exception {
        throttle.call(records, () -> starts.add(clock.instant()));
    }

    private void fail(RequestThrottle throttle, OdooException failure) throws Exception {
        assertThatThrownBy(() -> throttle.call(0, () -> {
            throw failure;
        })).isSameAs(failure);
    }

    @Test
    void callsAreSpacedOneOverTheRateApartAndNeverBurst() throws Exception {
        RequestThrottle throttle = throttle(5, 1_000);
        for (int i = 0; i < 11; i++) {
            call(throttle, 1);
        }
        assertThat(starts.get(0)).isEqualTo(START);
        assertThat(Duration.between(START, starts.get(5))).as("never 6 calls in a second").isGreaterThan(Duration.ofSeconds(1));
        for (int i = 1; i < starts.size(); i++) {
            assertThat(Duration.between(starts.get(i - 1), starts.get(i))).isEqualTo(Duration.ofMillis(210));
        }
    }

    @Test
    void theRecordsCapHoldsLargeBatchesBack() throws Exception {
        RequestThrottle throttle = throttle(100, 50);
        call(throttle, 50);
        call(throttle, 100);
        call(throttle, 1);

        assertThat(Duration.between(START, starts.get(1))).isEqualTo(Duration.ofSeconds(2));
        assertThat(Duration.between(START, starts.get(2))).isEqualTo(Duration.ofMillis(2_020));
    }

    @Test
    void anOverloadAnswerPausesEveryCallForItsRetryAfterAndHalvesTheRate() throws Exception {
        RequestThrottle throttle = throttle(4, 1_000);
        fail(throttle, new OdooException(ErrorKind.TRANSIENT, "http.429", "busy", Optional.of(Duration.ofSeconds(3)), null));
        assertThat(throttle.currentRate()).isEqualTo(2.0);
        call(throttle, 1);

        assertThat(starts.get(0)).isEqualTo(START.plusSeconds(3));
        assertThat(throttle.currentRate()).as("the pause earns no recovery").isEqualTo(2.5);
    }

    @Test
    void theRateHalvesOncePerBurstOfErrorsAndRecoversAdditively() throws Exception {
        RequestThrottle throttle = throttle(8, 1_000);
        OdooException down = new OdooException(ErrorKind.TRANSIENT, "java.net.ConnectException", "refused");
        fail(throttle, down);
        fail(throttle, down);
        assertThat(throttle.currentRate()).isEqualTo(4.0);

        clock.advance(Duration.ofSeconds(1));
        fail(throttle, down);
        assertThat(throttle.currentRate()).isEqualTo(2.0);

        call(throttle, 1);
        call(throttle, 1);
        assertThat(throttle.currentRate()).as("one call interval credited per success").isEqualTo(2.9, org.assertj.core.api.Assertions.within(1e-9));
        for (int i = 0; i < 100; i++) {
            call(throttle, 1);
        }
        assertThat(throttle.currentRate()).isEqualTo(8.0);
    }

    @Test
    void aSlowAnswerCountsAsStress() throws Exception {
        RequestThrottle throttle = throttle(8, 1_000);
        throttle.call(0, () -> {
            clock.advance(Duration.ofSeconds(3));
            return null;
        });
        assertThat(throttle.currentRate()).isEqualTo(4.0);
    }

    @Test
    void poisonAnswersAreAboutDataNotLoadAndLeaveTheRateAlone() throws Exception {
        RequestThrottle throttle = throttle(8, 1_000);
        fail(throttle, new OdooException(ErrorKind.POISON, "odoo.exceptions.ValidationError", "bad"));
        assertThat(throttle.currentRate()).isEqualTo(8.0);
    }

    @Test
    void theRateNeverFallsBelowItsFloor() throws Exception {
        RequestThrottle throttle = throttle(1, 1_000);
        for (int i = 0; i < 5; i++) {
            clock.advance(Duration.ofSeconds(2));
            fail(throttle, new OdooException(ErrorKind.TRANSIENT, "http.503", "down"));
        }
        assertThat(throttle.currentRate()).isEqualTo(0.5);
    }
}
