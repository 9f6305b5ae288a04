package io.rigstream.topology.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.rigstream.schemas.Lamp;
import io.rigstream.topology.model.FaultCode;
import io.rigstream.topology.model.FaultReport;
import java.util.List;
import org.junit.jupiter.api.Test;

class DowntimeTimelineTest {

    private static final FaultCode RED = new FaultCode(100, 1, Lamp.RED);
    private static final FaultCode AMBER = new FaultCode(200, 2, Lamp.AMBER);

    private static FaultReport report(long ts, FaultCode... active) {
        return new FaultReport(ts, List.of(active));
    }

    @Test
    void downtimeRunsFromTheRedReportToTheReportThatNoLongerHoldsIt() {
        List<FaultReport> reports = List.of(report(10, RED), report(20, RED, AMBER), report(30, AMBER), report(40));
        assertThat(DowntimeTimeline.downIntervals(reports, new TimeRange(0, 100)))
                .containsExactly(new TimeRange(10, 30));
    }

    @Test
    void aFaultActiveBeforeTheWindowKeepsItDownFromTheWindowsStart() {
        List<FaultReport> reports = List.of(report(5, RED), report(50));
        assertThat(DowntimeTimeline.downIntervals(reports, new TimeRange(20, 100)))
                .containsExactly(new TimeRange(20, 50));
    }

    @Test
    void anOpenEpisodeRunsToTheWindowsEnd() {
        assertThat(DowntimeTimeline.downIntervals(List.of(report(60, RED)), new TimeRange(0, 100)))
                .containsExactly(new TimeRange(60, 100));
    }

    @Test
    void amberAloneIsNotDowntime() {
        assertThat(DowntimeTimeline.downIntervals(List.of(report(10, AMBER)), new TimeRange(0, 100))).isEmpty();
    }

    @Test
    void severalEpisodes() {
        List<FaultReport> reports = List.of(report(10, RED), report(20), report(30, RED), report(40));
        assertThat(DowntimeTimeline.downIntervals(reports, new TimeRange(0, 100)))
                .containsExactly(new TimeRange(10, 20), new TimeRange(30, 40));
    }
}
