package io.rigstream.odoo.sink.odoo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rigstream.odoo.sink.Fixtures;
import io.rigstream.odoo.sink.SinkWiring;
import io.rigstream.odoo.sink.config.OdooSinkConfig;
import io.rigstream.odoo.sink.metrics.SinkMetrics;
import io.rigstream.odoo.sink.throttle.RequestThrottle;
import io.rigstream.odoo.sink.throttle.Sleeper;
import io.rigstream.odoo.standin.OdooStandin;
import io.rigstream.odoo.standin.StandinSettings;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The client against the stand-in: protocols, login, rights, and how failures are classified. */
class OdooSessionTest {

    private OdooStandin standin;

    @AfterEach
    void stop() {
        if (standin != null) {
            standin.close();
        }
    }

    private OdooSession session(StandinSettings settings, Map<String, String> overrides) {
        standin = OdooStandin.start(settings);
        OdooSinkConfig config = Fixtures.live(standin.url(), overrides);
        RequestThrottle throttle = new RequestThrottle(config.throttle(), Clock.systemUTC(), Sleeper.SYSTEM, SinkMetrics.none());
        return SinkWiring.liveSession(config, throttle, SinkMetrics.none(), Clock.systemUTC());
    }

    private static List<?> searchEquipment(OdooSession session) throws Exception {
        LinkedHashMap<String, Object> params = new LinkedHashMap<>();
        params.put("domain", List.of());
        params.put("fields", List.of("serial_no"));
        return OdooHttp.JSON.convertValue(session.call(OdooCall.onModel("maintenance.equipment", "search_read", params)), List.class);
    }

    @Test
    void autoSpeaksJsonRpcToOdoo17() throws Exception {
        OdooSession session = session(StandinSettings.odoo17(), Map.of());
        assertThat(session.establish()).isInstanceOf(JsonRpcTransport.class);
        assertThat(searchEquipment(session)).isEmpty();
    }

    @Test
    void autoSpeaksJson2ToOdoo19() throws Exception {
        OdooSession session = session(StandinSettings.odoo17().withSerie("19.0"), Map.of());
        assertThat(session.establish()).isInstanceOf(Json2Transport.class);
        assertThat(searchEquipment(session)).isEmpty();
    }

    @Test
    void autoFindsJson2WhenJsonRpcIsGone() throws Exception {
        OdooSession session = session(StandinSettings.odoo17().withSerie("22.0").withoutJsonRpc(), Map.of());
        assertThat(session.establish()).isInstanceOf(Json2Transport.class);
    }

    @Test
    void theProtocolCanBeForced() throws Exception {
        OdooSession session = session(StandinSettings.odoo17().withSerie("19.0"), Map.of("odoo.protocol", "jsonrpc"));
        assertThat(session.establish()).isInstanceOf(JsonRpcTransport.class);
    }

    @Test
    void aWrongApiKeyIsFatalAndSaysWhatToCheck() {
        OdooSession session = session(StandinSettings.odoo17(), Map.of("odoo.api-key", "wrong"));
        assertThatThrownBy(session::establish).isInstanceOfSatisfying(OdooException.class, e -> {
            assertThat(e.kind()).isEqualTo(ErrorKind.FATAL);
            assertThat(e.getMessage()).contains("odoo.username").contains("odoo.api-key");
        });
    }

    @Test
    void aWrongApiKeyOverJson2IsFatalToo() {
        OdooSession session = session(StandinSettings.odoo17().withSerie("19.0"), Map.of("odoo.api-key", "wrong"));
        assertThatThrownBy(session::establish).isInstanceOfSatisfying(OdooException.class,
                e -> assertThat(e.kind()).isEqualTo(ErrorKind.FATAL));
    }

    @Test
    void aUserWithoutMaintenanceRightsIsStoppedAtStartWithTheGroupToGrant() {
        OdooSession session = session(StandinSettings.odoo17().denyingWritesTo("maintenance.request"), Map.of());
        assertThatThrownBy(session::establish).isInstanceOfSatisfying(OdooException.class, e -> {
            assertThat(e.kind()).isEqualTo(ErrorKind.FATAL);
            assertThat(e.getMessage()).contains("may not create maintenance.request").contains("Equipment Manager");
        });
    }

    @Test
    void rightsAreCheckedWithHasAccessFromOdoo18On() {
        OdooSession session = session(StandinSettings.odoo17().withSerie("18.0").denyingWritesTo("account.analytic.line"), Map.of());
        assertThatThrownBy(session::establish).hasMessageContaining("may not create account.analytic.line").hasMessageContaining("Timesheets");
    }

    @Test
    void overloadAnswersAreTransientAndCarryRetryAfter() throws Exception {
        OdooSession session = session(StandinSettings.odoo17(), Map.of());
        session.establish();
        standin.faults().answerNext(1, 429, Optional.of(Duration.ofSeconds(7)));

        assertThatThrownBy(() -> searchEquipment(session)).isInstanceOfSatisfying(OdooException.class, e -> {
            assertThat(e.kind()).isEqualTo(ErrorKind.TRANSIENT);
            assertThat(e.isOverload()).isTrue();
            assertThat(e.retryAfter()).contains(Duration.ofSeconds(7));
        });
    }

    @Test
    void serverErrorsDroppedConnectionsAndADownServerAreTransient() throws Exception {
        OdooSession session = session(StandinSettings.odoo17(), Map.of());
        session.establish();
        standin.faults().answerNext(1, 500).answerNext(1, 503).dropNext(1);
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> searchEquipment(session)).isInstanceOfSatisfying(OdooException.class,
                    e -> assertThat(e.kind()).isEqualTo(ErrorKind.TRANSIENT));
        }
        standin.goDown();
        assertThatThrownBy(() -> searchEquipment(session)).isInstanceOfSatisfying(OdooException.class,
                e -> assertThat(e.kind()).isEqualTo(ErrorKind.TRANSIENT));
    }

    @Test
    void parametersWhoseOrderIsNotKeptAreRefusedBecauseJsonRpcSendsThemByPosition() {
        assertThatThrownBy(() -> new OdooCall("m", "search_read", Optional.empty(), Map.of("domain", List.of(), "fields", List.of()), Map.of(), 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("LinkedHashMap");
    }

    @Test
    void validationErrorsArePoison() throws Exception {
        OdooSession session = session(StandinSettings.odoo17(), Map.of());
        LinkedHashMap<String, Object> params = new LinkedHashMap<>();
        params.put("vals_list", Map.of("name", "x", "priority", "9"));
        assertThatThrownBy(() -> session.call(OdooCall.onModel("maintenance.request", "create", params))).isInstanceOfSatisfying(OdooException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.POISON);
                    assertThat(e.errorClass()).isEqualTo("builtins.ValueError");
                });
    }
}
