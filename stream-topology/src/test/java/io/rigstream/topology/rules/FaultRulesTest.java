package io.rigstream.topology.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.rigstream.schemas.Lamp;
import io.rigstream.topology.model.FaultCode;
import io.rigstream.topology.model.FaultReport;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A late report lands between two neighbours; each case is (before, inserted, after) for one red code, 1 = active.
 * Only the cases where the old pair had no change for the code produce new events.
 */
class FaultRulesTest {

    private static final FaultCode RED = new FaultCode(110, 0, Lamp.RED);
    private static final FaultCode AMBER = new FaultCode(97, 18, Lamp.AMBER);
    private static final FaultCode NONE = new FaultCode(1, 1, Lamp.NONE);

    private static FaultReport report(long ts, boolean active) {
        return new FaultReport(ts, active ? List.of(RED) : List.of());
    }

    private static List<String> changes(boolean before, boolean inserted, boolean after) {
        return FaultRules.faultChangesOnInsert(report(10, before), report(20, inserted), report(30, after)).stream()
                .map(c -> (c.activated() ? "+" : "-") + c.at()).toList();
    }

    @Test
    void insertionCases() {
        assertThat(changes(false, false, false)).isEmpty();
        assertThat(changes(false, false, true)).isEmpty();
        assertThat(changes(false, true, false)).containsExactly("+20", "-30");
        assertThat(changes(false, true, true)).isEmpty();
        assertThat(changes(true, false, false)).isEmpty();
        assertThat(changes(true, false, true)).containsExactly("-20", "+30");
        assertThat(changes(true, true, false)).isEmpty();
        assertThat(changes(true, true, true)).isEmpty();
    }

    @Test
    void theNewestReportChangesAgainstThePreviousOne() {
        assertThat(FaultRules.faultChangesOnInsert(report(10, false), report(20, true), null))
                .extracting(FaultRules.FaultChange::activated).containsExactly(true);
        assertThat(FaultRules.faultChangesOnInsert(null, report(20, true), null)).hasSize(1);
    }

    @Test
    void onlyRedAndAmberCodesAreAlerts() {
        FaultReport report = new FaultReport(10, List.of(RED, AMBER, NONE));
        assertThat(FaultRules.faultChanges(null, report)).extracting(c -> c.fault().code())
                .containsExactlyInAnyOrder("110.0", "97.18");
    }

    @Test
    void aRepeatedReportOfAnActiveCodeIsNotANewFault() {
        assertThat(FaultRules.faultChanges(report(10, true), report(20, true))).isEmpty();
    }

    @Test
    void downtimeStartsWithARedCodeAndEndsWhenNoneIsLeft() {
        FaultReport amberOnly = new FaultReport(30, List.of(AMBER));
        assertThat(FaultRules.downtimeChanges(report(10, false), report(20, true)))
                .extracting(FaultRules.DowntimeChange::started).containsExactly(true);
        assertThat(FaultRules.downtimeChanges(report(20, true), amberOnly))
                .extracting(FaultRules.DowntimeChange::started).containsExactly(false);
        assertThat(FaultRules.downtimeChangesOnInsert(report(10, true), report(20, false), report(30, true)))
                .extracting(FaultRules.DowntimeChange::started).containsExactly(false, true);
    }
}
