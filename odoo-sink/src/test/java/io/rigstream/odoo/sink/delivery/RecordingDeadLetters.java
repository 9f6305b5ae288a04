package io.rigstream.odoo.sink.delivery;

import java.util.ArrayList;
import java.util.List;

/** Keeps dead letters in memory; can be told to fail as an unreachable Kafka would. */
final class RecordingDeadLetters implements DeadLetterPublisher {

    final List<DeadLetter> letters = new ArrayList<>();
    boolean failing;

    @Override
    public synchronized void publish(List<DeadLetter> batch) throws DeadLetterFailure {
        if (failing && !batch.isEmpty()) {
            throw new DeadLetterFailure("broker unreachable", null);
        }
        letters.addAll(batch);
    }

    synchronized List<String> reasons() {
        return letters.stream().map(DeadLetter::reason).toList();
    }
}
