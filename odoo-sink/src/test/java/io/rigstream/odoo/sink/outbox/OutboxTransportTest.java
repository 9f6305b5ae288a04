package io.rigstream.odoo.sink.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rigstream.odoo.sink.FakeClock;
import io.rigstream.odoo.sink.config.ThrottleSettings;
import io.rigstream.odoo.sink.metrics.SinkMetrics;
import io.rigstream.odoo.sink.odoo.OdooApi;
import io.rigstream.odoo.sink.throttle.RequestThrottle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutboxTransportTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final FakeClock clock = new FakeClock(Instant.parse("2026-11-23T08:00:00Z"));

    private OutboxTransport outbox(Path file, double callsPerSecond) throws Exception {
        RequestThrottle throttle = new RequestThrottle(new ThrottleSettings(callsPerSecond, 1_000, 0.1, 1, Duration.ofSeconds(2), 2),
                clock, clock.sleeper(), SinkMetrics.none());
        return new OutboxTransport(file, throttle, clock);
    }

    @Test
    void everyCallIsOneJsonLineWithItsModelMethodParametersAndContext(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("outbox.jsonl");
        try (OutboxTransport outbox = outbox(file, 5)) {
            new OdooApi(outbox).load("account.analytic.line", List.of("id", "name", "unit_amount"),
                    List.of(List.of("rigstream.usage_J-1001_EX-0042_20261123", "EX-0042 2026-11-23: ...", "9.5")),
                    Map.of("tracking_disable", true));
        }
        JsonNode line = JSON.readTree(Files.readAllLines(file).get(0));

        assertThat(line.get("seq").asLong()).isEqualTo(1);
        assertThat(line.get("at").asText()).isEqualTo("2026-11-23T08:00:00Z");
        assertThat(line.get("model").asText()).isEqualTo("account.analytic.line");
        assertThat(line.get("method").asText()).isEqualTo("load");
        assertThat(line.get("records").asInt()).isEqualTo(1);
        assertThat(line.at("/params/fields").toString()).isEqualTo("[\"id\",\"name\",\"unit_amount\"]");
        assertThat(line.at("/params/data/0/0").asText()).isEqualTo("rigstream.usage_J-1001_EX-0042_20261123");
        assertThat(line.at("/context/tracking_disable").asBoolean()).isTrue();
    }

    @Test
    void lookupsAreAnsweredAsIfEveryKeyExistedWithStablePlaceholderIds(@TempDir Path dir) throws Exception {
        try (OutboxTransport outbox = outbox(dir.resolve("outbox.jsonl"), 5)) {
            OdooApi odoo = new OdooApi(outbox);
            List<JsonNode> first = odoo.searchRead("maintenance.equipment", List.of(List.of("serial_no", "in", List.of("EX-1", "EX-2"))), List.of("id"));
            List<JsonNode> again = odoo.searchRead("maintenance.equipment", List.of(List.of("serial_no", "in", List.of("EX-2"))), List.of("id"));

            assertThat(first).extracting(row -> row.get("serial_no").asText()).containsExactly("EX-1", "EX-2");
            assertThat(again.get(0).get("id")).isEqualTo(first.get(1).get("id"));
            assertThat(odoo.load("maintenance.request", List.of("id", "name"), List.of(List.of("rigstream.t", "x")), Map.of()).written()).isTrue();
        }
    }

    @Test
    void theOutboxIsThrottledLikeOdoo(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("outbox.jsonl");
        try (OutboxTransport outbox = outbox(file, 2)) {
            for (int i = 0; i < 5; i++) {
                new OdooApi(outbox).load("maintenance.request", List.of("id", "name"), List.of(List.of("rigstream.t" + i, "x")), Map.of());
            }
        }
        List<String> lines = Files.readAllLines(file);
        assertThat(JSON.readTree(lines.get(4)).get("at").asText()).isEqualTo("2026-11-23T08:00:02.100Z");
    }
}
