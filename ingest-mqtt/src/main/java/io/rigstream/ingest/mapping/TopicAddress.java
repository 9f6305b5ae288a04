package io.rigstream.ingest.mapping;

import java.util.Objects;

/**
 * The tenant and equipment a message belongs to, as named by its MQTT topic. The topic is the
 * trust boundary: the broker's ACLs decide who may publish where, so identity comes from here and
 * never from the payload.
 */
public record TopicAddress(String tenant, String equipmentId) {

    private static final int MAX_SEGMENT_LENGTH = 64;

    public TopicAddress {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(equipmentId, "equipmentId");
        if (!isValidSegment(tenant, 0, tenant.length())) {
            throw new IllegalArgumentException("tenant '" + tenant + "' is not 1-64 characters of [A-Za-z0-9._-]");
        }
        if (!isValidSegment(equipmentId, 0, equipmentId.length())) {
            throw new IllegalArgumentException(
                    "equipmentId '" + equipmentId + "' is not 1-64 characters of [A-Za-z0-9._-]");
        }
    }

    /** The Kafka record key of this equipment's data: {@code tenant/equipmentId}. */
    public String kafkaKey() {
        return tenant + "/" + equipmentId;
    }

    /** Whether {@code text[start, end)} is 1-64 characters of {@code [A-Za-z0-9._-]}, per the contract. */
    static boolean isValidSegment(String text, int start, int end) {
        int length = end - start;
        if (length < 1 || length > MAX_SEGMENT_LENGTH) {
            return false;
        }
        for (int i = start; i < end; i++) {
            if (!isSegmentChar(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isSegmentChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '.' || c == '_' || c == '-';
    }
}
