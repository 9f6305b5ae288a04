package io.rigstream.simulator.gateway;

import java.time.Instant;
import java.util.Optional;

/**
 * One MQTT message a gateway publishes at simulated time {@code publishAt}.
 *
 * @param readings        how many valid readings it carries
 * @param expectedReject  the contract reason code this message must be dead-lettered with, for malformed ones
 */
public record GatewayMessage(String topic, byte[] payload, Instant publishAt, int readings, Optional<String> expectedReject) {
}
