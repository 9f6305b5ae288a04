package io.rigstream.ingest.mapping;

import io.rigstream.schemas.TelemetryReading;
import java.util.List;

/**
 * What one MQTT message became. Every reading of the message is in exactly one of the two lists,
 * in message order; a whole-message rejection is a single {@link Rejection} with no reading index.
 *
 * @param address  tenant and equipment from the topic; null only when the topic was rejected (BAD_TOPIC)
 * @param accepted the valid readings, for the readings topic
 * @param rejected the rejections, for the rejected-readings topic
 */
public record MappingResult(TopicAddress address, List<TelemetryReading> accepted, List<Rejection> rejected) {

    public MappingResult {
        accepted = List.copyOf(accepted);
        rejected = List.copyOf(rejected);
    }
}
