package io.rigstream.odoo.sink.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.rigstream.odoo.sink.delivery.PendingRecord;
import java.util.List;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class OffsetTrackerTest {

    private final TopicPartition partition = new TopicPartition("t", 0);

    private static PendingRecord record(long offset) {
        return new PendingRecord("t", 0, offset, null, null);
    }

    @Test
    void aCommitNeverPassesARecordThatIsNotDone() {
        OffsetTracker tracker = new OffsetTracker();
        for (long offset = 10; offset < 15; offset++) {
            tracker.track(record(offset));
        }
        tracker.done(List.of(record(10), record(11), record(13)));

        assertThat(tracker.toCommit()).containsEntry(partition, new OffsetAndMetadata(12));
        tracker.committed(tracker.toCommit());
        assertThat(tracker.toCommit()).isEmpty();

        tracker.done(List.of(record(12), record(14)));
        assertThat(tracker.toCommit()).containsEntry(partition, new OffsetAndMetadata(15));
    }

    @Test
    void revokedPartitionsAreForgottenAndLateOutcomesForThemIgnored() {
        OffsetTracker tracker = new OffsetTracker();
        tracker.track(record(0));
        tracker.forget(List.of(partition));
        tracker.done(List.of(record(0)));

        assertThat(tracker.toCommit()).isEmpty();
        assertThat(tracker.isTracked(partition)).isFalse();
    }
}
