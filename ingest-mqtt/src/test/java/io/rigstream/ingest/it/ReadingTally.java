package io.rigstream.ingest.it;

import io.rigstream.schemas.TelemetryReading;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * How often each (equipment, seq) of one test's gateways reached the readings topic, kept up to date poll by poll:
 * the number of distinct readings proves nothing is missing, the surplus counts the duplicates.
 */
final class ReadingTally {

    private final String keyPrefix;
    private final Map<String, Integer> counts = new HashMap<>();
    private long records;

    /** Counts only the equipments whose id starts with {@code equipmentPrefix} (tenant acme). */
    ReadingTally(String equipmentPrefix) {
        this.keyPrefix = "acme/" + equipmentPrefix;
    }

    /** Adds what the reader's next poll brings; returns this tally, for use inside Awaitility conditions. */
    ReadingTally poll(KafkaTopicReader<TelemetryReading> reader) {
        for (ConsumerRecord<String, TelemetryReading> record : reader.pollNew()) {
            if (record.key().startsWith(keyPrefix)) {
                records++;
                counts.merge(record.key() + "#" + record.value().getSeq(), 1, Integer::sum);
            }
        }
        return this;
    }

    int distinct() {
        return counts.size();
    }

    long duplicates() {
        return records - counts.size();
    }
}
