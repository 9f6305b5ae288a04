package io.rigstream.odoo.standin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.rigstream.odoo.standin.orm.Models;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class StandinBehaviourTest {

    private static final List<String> REQUEST_COLUMNS = List.of("id", "name", "equipment_id/.id", "maintenance_type", "priority");

    private OdooStandin standin;
    private HttpProbe probe;

    private void start(StandinSettings settings) {
        standin = OdooStandin.start(settings);
        probe = new HttpProbe(standin.url());
    }

    @AfterEach
    void stop() {
        standin.close();
    }

    @Test
    void loadUpsertsByExternalIdSoASecondLoadUpdatesTheSameRecord() throws Exception {
        start(StandinSettings.odoo17());
        int equipment = standin.state().createEquipment("Excavator EX-0042", "EX-0042");
        JsonNode first = load(List.of(List.of("rigstream.trigger_a", "Service due", equipment, "preventive", "1")));
        JsonNode second = load(List.of(List.of("rigstream.trigger_a", "Service due", equipment, "preventive", "3")));

        assertThat(second.at("/result/ids")).isEqualTo(first.at("/result/ids"));
        assertThat(standin.state().records(Models.REQUEST)).singleElement().satisfies(record -> assertThat(record).containsEntry("priority", "3"));
        assertThat(standin.state().byExternalId("rigstream.trigger_a").orElseThrow()).containsEntry("priority", "3");
    }

    @Test
    void aLoadWithBadRowsWritesNothingAndNamesEveryBadRow() throws Exception {
        start(StandinSettings.odoo17());
        int equipment = standin.state().createEquipment("Excavator EX-0042", "EX-0042");
        JsonNode answer = load(List.of(
                List.of("rigstream.trigger_ok", "fine", equipment, "corrective", "1"),
                List.of("rigstream.trigger_bad_priority", "bad", equipment, "corrective", "9"),
                List.of("rigstream.trigger_no_name", "", equipment, "corrective", "1"),
                List.of("rigstream.trigger_no_equipment", "bad ref", 999, "corrective", "1")));

        assertThat(answer.at("/result/ids").asBoolean(true)).isFalse();
        assertThat(answer.at("/result/messages").findValuesAsText("record")).containsExactly("1", "2", "3");
        assertThat(standin.state().count(Models.REQUEST)).isZero();
        assertThat(standin.state().externalIds(Models.REQUEST)).isEmpty();
    }

    @Test
    void loadReadsDatetimesInTheUsersTimeZoneUnlessTheContextSaysOtherwise() throws Exception {
        start(StandinSettings.odoo17().withUserTimeZone("Europe/Berlin"));
        List<String> columns = List.of("id", "name", "schedule_date");
        probe.executeKw(Models.REQUEST, "load", List.of(columns, List.of(List.of("rigstream.local", "x", "2026-11-23 10:15:00"))), Map.of());
        probe.executeKw(Models.REQUEST, "load", List.of(columns, List.of(List.of("rigstream.utc", "x", "2026-11-23 10:15:00"))),
                Map.of("context", Map.of("tz", "UTC")));

        assertThat(standin.state().byExternalId("rigstream.local").orElseThrow()).containsEntry("schedule_date", "2026-11-23 09:15:00");
        assertThat(standin.state().byExternalId("rigstream.utc").orElseThrow()).containsEntry("schedule_date", "2026-11-23 10:15:00");
    }

    @Test
    void serialNumbersAreUniqueThroughLoadToo() throws Exception {
        start(StandinSettings.odoo17());
        standin.state().createEquipment("Excavator EX-0042", "EX-0042");
        JsonNode answer = probe.executeKw(Models.EQUIPMENT, "load",
                List.of(List.of("id", "name", "serial_no"), List.of(List.of("rigstream.equipment_EX-0042", "Again", "EX-0042"))), Map.of());

        assertThat(answer.at("/result/messages/0/message").asText()).contains("Another asset already exists with this serial number");
        assertThat(standin.state().count(Models.EQUIPMENT)).isEqualTo(1);
    }

    @Test
    void aUserWithoutMaintenanceRightsGetsAccessErrors() throws Exception {
        start(StandinSettings.odoo17().denyingWritesTo(Models.REQUEST));
        JsonNode answer = load(List.of(List.of("rigstream.trigger_a", "x", "", "corrective", "1")));

        assertThat(answer.at("/error/data/name").asText()).isEqualTo("odoo.exceptions.AccessError");
        assertThat(probe.executeKw(Models.REQUEST, "check_access_rights", List.of("create"), Map.of("raise_exception", false))
                .get("result").asBoolean()).isFalse();
        assertThat(probe.executeKw(Models.REQUEST, "search_count", List.of(List.of()), Map.of()).get("result").asInt()).isZero();
    }

    @Test
    void json2NeedsTheBearerKeyAndUsesHttpStatusesForErrors() throws Exception {
        start(StandinSettings.odoo17().withSerie("19.0"));
        String key = "rigstream-test-api-key";

        assertThat(probe.json2(Models.EQUIPMENT, "search_read", "wrong", Map.of()).status()).isEqualTo(401);
        HttpProbe.Answer created = probe.json2(Models.EQUIPMENT, "create", key, Map.of("vals_list", List.of(Map.of("name", "EX", "serial_no", "EX-1"))));
        assertThat(created.status()).isEqualTo(200);
        assertThat(created.json().get(0).asInt()).isPositive();
        assertThat(probe.json2(Models.EQUIPMENT, "create", key, Map.of("vals_list", List.of(Map.of("name", "EX", "serial_no", "EX-1"))))
                .status()).isEqualTo(422);
        assertThat(probe.json2("maintenance.foo", "search", key, Map.of()).status()).isEqualTo(404);
        HttpProbe.Answer found = probe.json2(Models.EQUIPMENT, "search_read", key,
                Map.of("domain", List.of(List.of("serial_no", "in", List.of("EX-1"))), "fields", List.of("serial_no")));
        assertThat(found.json().get(0).get("serial_no").asText()).isEqualTo("EX-1");
        HttpProbe.Answer loaded = probe.json2(Models.REQUEST, "load", key,
                Map.of("fields", REQUEST_COLUMNS, "data", List.of(List.of("rigstream.t", "x", "", "corrective", "1"))));
        assertThat(loaded.json().get("ids").size()).isEqualTo(1);
    }

    @Test
    void anOdoo22StyleServerNoLongerServesJsonRpc() throws Exception {
        start(StandinSettings.odoo17().withSerie("22.0").withoutJsonRpc());
        assertThat(probe.jsonRpc(Map.of("jsonrpc", "2.0", "method", "call", "params", Map.of("service", "common", "method", "version")))
                .status()).isEqualTo(404);
    }

    @Test
    void injectedStatusesCarryRetryAfterAndDroppedConnectionsFailTheClient() throws Exception {
        start(StandinSettings.odoo17());
        standin.faults().answerNext(1, 429, Optional.of(Duration.ofSeconds(3))).answerNext(1, 500).dropNext(1);

        HttpProbe.Answer throttled = version();
        assertThat(throttled.status()).isEqualTo(429);
        assertThat(throttled.raw().headers().firstValue("Retry-After")).contains("3");
        assertThat(version().status()).isEqualTo(500);
        assertThatThrownBy(this::version).isInstanceOf(IOException.class);
        assertThat(version().status()).isEqualTo(200);
        assertThat(standin.meter().requests()).isEqualTo(4);
    }

    @Test
    void aLoadWhoseAnswerIsLostWasAppliedAllTheSame() throws Exception {
        start(StandinSettings.odoo17());
        standin.faults().loseAnswerOfNextLoads(1);

        assertThatThrownBy(() -> load(List.of(List.of("rigstream.trigger_a", "x", "", "corrective", "1")))).isInstanceOf(IOException.class);
        assertThat(standin.state().byExternalId("rigstream.trigger_a")).isPresent();
    }

    @Test
    void aHeldAnswerComesOnlyAfterRelease() throws Exception {
        start(StandinSettings.odoo17());
        standin.faults().holdAnswerOfNextLoads(1);
        CompletableFuture<JsonNode> answer = CompletableFuture.supplyAsync(() -> {
            try {
                return load(List.of(List.of("rigstream.trigger_a", "x", "", "corrective", "1")));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });

        await().atMost(Duration.ofSeconds(10)).until(() -> standin.state().byExternalId("rigstream.trigger_a").isPresent());
        assertThat(answer).isNotDone();
        standin.faults().releaseHeldAnswers();
        assertThat(answer.get().at("/result/ids").size()).isEqualTo(1);
    }

    @Test
    void aServerThatIsDownRefusesConnectionsAndComesBackOnTheSamePort() throws Exception {
        start(StandinSettings.odoo17());
        standin.downFor(Duration.ofMillis(300));

        assertThat(standin.isUp()).isFalse();
        assertThatThrownBy(this::version).isInstanceOf(IOException.class);
        await().atMost(Duration.ofSeconds(10)).ignoreExceptions().until(() -> version().status() == 200);
        assertThat(standin.isUp()).isTrue();
    }

    @Test
    void aServerCanAnswerWithAStatusForAWhile() throws Exception {
        start(StandinSettings.odoo17());
        standin.faults().answerFor(Duration.ofMinutes(1), 503, Optional.empty());
        assertThat(version().status()).isEqualTo(503);
        assertThat(version().status()).isEqualTo(503);
        standin.faults().clear();
        assertThat(version().status()).isEqualTo(200);
    }

    @Test
    void theMeterFindsTheBusiestWindow() throws Exception {
        start(StandinSettings.odoo17());
        for (int i = 0; i < 5; i++) {
            version();
        }
        assertThat(standin.meter().maxInAnyWindow(Duration.ofSeconds(30))).isEqualTo(5);
        assertThat(standin.meter().maxInAnyWindow(Duration.ofNanos(1))).isEqualTo(1);
        assertThat(standin.meter().perSecond().stream().mapToInt(Integer::intValue).sum()).isEqualTo(5);
    }

    private JsonNode load(List<List<Object>> rows) throws IOException, InterruptedException {
        return probe.executeKw(Models.REQUEST, "load", List.of(REQUEST_COLUMNS, rows), Map.of());
    }

    private HttpProbe.Answer version() throws IOException, InterruptedException {
        return probe.jsonRpc(Map.of("jsonrpc", "2.0", "method", "call", "id", 1, "params", Map.of("service", "common", "method", "version")));
    }
}
