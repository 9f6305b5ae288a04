package io.rigstream.odoo.sink.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.rigstream.odoo.sink.config.RetrySettings;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BackoffTest {

    private final RetrySettings settings = new RetrySettings(Duration.ofMillis(500), Duration.ofSeconds(60), Optional.empty());

    @Test
    void delaysDoubleWithJitterBetweenHalfAndAll() {
        assertThat(new Backoff(settings, () -> 0.0).delay(1, Optional.empty())).isEqualTo(Duration.ofMillis(250));
        assertThat(new Backoff(settings, () -> 0.999).delay(1, Optional.empty())).isBetween(Duration.ofMillis(490), Duration.ofMillis(500));
        assertThat(new Backoff(settings, () -> 0.0).delay(4, Optional.empty())).isEqualTo(Duration.ofMillis(2_000));
    }

    @Test
    void delaysAreCapped() {
        assertThat(new Backoff(settings, () -> 0.999).delay(40, Optional.empty())).isLessThanOrEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void odoosRetryAfterIsAFloor() {
        assertThat(new Backoff(settings, () -> 0.0).delay(1, Optional.of(Duration.ofSeconds(30)))).isEqualTo(Duration.ofSeconds(30));
    }
}
