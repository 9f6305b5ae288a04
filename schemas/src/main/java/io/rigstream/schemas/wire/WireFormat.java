package io.rigstream.schemas.wire;

import java.nio.ByteBuffer;
import org.apache.kafka.common.errors.SerializationException;

/**
 * The Confluent wire format: byte 0 is the magic byte 0, bytes 1-4 the schema id (big-endian int), then the Avro
 * binary body. Any Kafka tool with a Confluent-compatible deserializer reads records framed this way.
 */
public final class WireFormat {

    public static final byte MAGIC_BYTE = 0;
    public static final int HEADER_LENGTH = 5;

    private WireFormat() {
    }

    static void writeHeader(ByteBuffer target, int schemaId) {
        target.put(MAGIC_BYTE).putInt(schemaId);
    }

    /** Reads and checks the header; the buffer is left positioned at the Avro body. */
    static int readSchemaId(ByteBuffer source, String topic) {
        if (source.remaining() < HEADER_LENGTH) {
            throw new SerializationException("Record on topic " + topic + " has " + source.remaining()
                    + " bytes, fewer than the 5-byte Confluent wire-format header");
        }
        byte magic = source.get();
        if (magic != MAGIC_BYTE) {
            throw new SerializationException("Record on topic " + topic + " starts with byte " + magic
                    + ", not the Confluent wire-format magic byte 0");
        }
        return source.getInt();
    }
}
