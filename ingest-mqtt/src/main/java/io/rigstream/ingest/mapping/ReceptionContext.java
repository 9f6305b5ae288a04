package io.rigstream.ingest.mapping;

import java.time.Instant;

/**
 * What the bridge knows about a message as it arrives: whose it is, when it came, and so which
 * device times it accepts.
 *
 * @param earliestDeviceMillis the oldest accepted {@code ts}: receivedAt - maxAge
 * @param latestDeviceMillis   the newest accepted {@code ts}: receivedAt + maxClockSkew
 */
record ReceptionContext(TopicAddress address, Instant receivedAt, MappingLimits limits,
                        long earliestDeviceMillis, long latestDeviceMillis) {

    /** {@code now} is cut to milliseconds: the Avro timestamps hold no more, and equal records compare equal. */
    static ReceptionContext of(TopicAddress address, Instant now, MappingLimits limits) {
        long nowMillis = now.toEpochMilli();
        return new ReceptionContext(address, Instant.ofEpochMilli(nowMillis), limits,
                saturatedAdd(nowMillis, -limits.maxAge().toMillis()),
                saturatedAdd(nowMillis, limits.maxClockSkew().toMillis()));
    }

    /** Limits can be configured up to Long.MAX_VALUE milliseconds, so the window must not wrap. */
    private static long saturatedAdd(long a, long b) {
        long sum = a + b;
        if (((a ^ sum) & (b ^ sum)) < 0) {
            return b > 0 ? Long.MAX_VALUE : Long.MIN_VALUE;
        }
        return sum;
    }
}
