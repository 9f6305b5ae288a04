package io.rigstream.topology.state;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.utils.Bytes;

/**
 * Byte-ordered store keys. An id is UTF-8 followed by a 0 byte, which sorts below every character ids may contain,
 * so all keys of one id are contiguous; a time or day follows as 8 big-endian bytes with the sign bit flipped, so
 * that byte order is numeric order and range scans find predecessors and successors.
 */
public final class StoreKeys {

    private StoreKeys() {
    }

    /** {@code id}, then {@code value}. */
    public static Bytes timeKey(String id, long value) {
        byte[] idBytes = id.getBytes(StandardCharsets.UTF_8);
        return Bytes.wrap(ByteBuffer.allocate(idBytes.length + 1 + Long.BYTES)
                .put(idBytes).put((byte) 0).putLong(value ^ Long.MIN_VALUE).array());
    }

    /** {@code first}, {@code second}, then {@code value}: job-day keys, job first so a job's days can be listed. */
    public static Bytes pairKey(String first, String second, long value) {
        return timeKey(first + '\0' + second, value);
    }
}
