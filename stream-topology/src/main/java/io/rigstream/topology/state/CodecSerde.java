package io.rigstream.topology.state;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/** A Kafka serde over a {@link BinaryCodec}, for state stores and internal topics. */
public final class CodecSerde<T> implements Serde<T> {

    /**
     * One encoding buffer per thread, reused: a serde is shared by the stream threads of a store. Codecs write nested
     * values straight to the stream, never through a serde, so one buffer per thread is never in use twice.
     */
    private static final ThreadLocal<Encoder> ENCODERS = ThreadLocal.withInitial(Encoder::new);

    private final BinaryCodec<T> codec;
    private final String typeName;

    public CodecSerde(BinaryCodec<T> codec, String typeName) {
        this.codec = codec;
        this.typeName = typeName;
    }

    public byte[] toBytes(T value) {
        if (value == null) {
            return null;
        }
        Encoder encoder = ENCODERS.get();
        encoder.bytes.reset();
        try {
            codec.write(value, encoder.out);
        } catch (IOException e) {
            throw new SerializationException("Cannot encode " + typeName, e);
        }
        return encoder.bytes.toByteArray();
    }

    public T fromBytes(byte[] data) {
        if (data == null) {
            return null;
        }
        try (DataInputStream in = new DataInputStream(new UnsyncInput(data))) {
            return codec.read(in);
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("Cannot decode " + typeName + " (" + data.length + " bytes)", e);
        }
    }

    /**
     * The JDK's byte-array streams synchronise every call, and a data stream makes one call per field: a lock per
     * field was 3 % of the topology's stream thread. These buffers are never shared between threads.
     */
    private static final class UnsyncOutput extends ByteArrayOutputStream {
        UnsyncOutput() {
            super(512);
        }

        @Override
        public void reset() {
            count = 0;
        }

        @Override
        public byte[] toByteArray() {
            return Arrays.copyOf(buf, count);
        }

        @Override
        public void write(int b) {
            ensureRoom(1);
            buf[count++] = (byte) b;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            ensureRoom(len);
            System.arraycopy(b, off, buf, count, len);
            count += len;
        }

        private void ensureRoom(int more) {
            if (count + more > buf.length) {
                buf = Arrays.copyOf(buf, Math.max(buf.length * 2, count + more));
            }
        }
    }

    private static final class Encoder {
        private final UnsyncOutput bytes = new UnsyncOutput();
        private final DataOutputStream out = new DataOutputStream(bytes);
    }

    private static final class UnsyncInput extends ByteArrayInputStream {
        UnsyncInput(byte[] data) {
            super(data);
        }

        @Override
        public int read() {
            return pos < count ? buf[pos++] & 0xff : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (pos >= count) {
                return -1;
            }
            int n = Math.min(len, count - pos);
            System.arraycopy(buf, pos, b, off, n);
            pos += n;
            return n;
        }
    }

    @Override
    public Serializer<T> serializer() {
        return (topic, value) -> toBytes(value);
    }

    @Override
    public Deserializer<T> deserializer() {
        return (topic, data) -> fromBytes(data);
    }
}
