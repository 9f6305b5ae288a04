package io.rigstream.odoo.sink.config;

import java.net.URI;
import java.time.Duration;
import org.apache.kafka.common.config.types.Password;

/**
 * Where Odoo is and how to log in. The API key stays a {@link Password}, whose {@code toString()} is
 * {@code [hidden]}, so it cannot reach a log line by accident.
 */
public record OdooConnection(OdooMode mode, URI url, String database, String username, Password apiKey,
        Protocol protocol, Duration connectTimeout, Duration requestTimeout) {
}
