package io.rigstream.ingest.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** The mapper as the contract's examples use it: default template and limits, clock pinned. */
final class MapperFixtures {

    /** The clock of the contract's invalid-mixed-batch example. */
    static final Instant NOW = Instant.parse("2026-11-23T08:10:00Z");
    static final String TOPIC = "fleet/acme/EX-0042/telemetry";
    static final TopicAddress ADDRESS = new TopicAddress("acme", "EX-0042");

    private MapperFixtures() {
    }

    static PayloadMapper mapper() {
        return mapper(MappingLimits.defaults());
    }

    static PayloadMapper mapper(MappingLimits limits) {
        return new PayloadMapper(TopicTemplate.parse(TopicTemplate.DEFAULT), limits, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    static MappingResult map(String json) {
        return mapper().map(TOPIC, utf8(json));
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** A reading with {@code fields} added to a valid {@code ts} (five minutes before NOW). */
    static String reading(String fields) {
        return "{\"ts\": \"2026-11-23T08:05:00Z\"" + (fields.isEmpty() ? "" : ", " + fields) + "}";
    }

    /** The single rejection of a message that was rejected as a whole. */
    static Rejection onlyRejection(MappingResult result) {
        assertThat(result.accepted()).isEmpty();
        assertThat(result.rejected()).hasSize(1);
        return result.rejected().get(0);
    }

    static byte[] contractExample(String name) {
        try (InputStream in = MapperFixtures.class.getResourceAsStream("/contracts/v1/" + name)) {
            if (in == null) {
                throw new IllegalStateException("no test resource /contracts/v1/" + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
