package io.rigstream.odoo.sink.config;

import java.time.Duration;
import java.util.Optional;

/**
 * Backoff for transient failures, and how long a batch may keep failing before its records are dead-lettered.
 *
 * @param deadline empty to retry for as long as it takes
 */
public record RetrySettings(Duration initialBackoff, Duration maxBackoff, Optional<Duration> deadline) {
}
