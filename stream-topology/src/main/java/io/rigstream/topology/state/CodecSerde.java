package io.rigstream.topology.state;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/** A Kafka serde over a {@link BinaryCodec}, for state stores and internal topics. */
public final class CodecSerde<T> implements Serde<T> {

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
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(128);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            codec.write(value, out);
        } catch (IOException e) {
            throw new SerializationException("Cannot encode " + typeName, e);
        }
        return bytes.toByteArray();
    }

    public T fromBytes(byte[] data) {
        if (data == null) {
            return null;
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
            return codec.read(in);
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("Cannot decode " + typeName + " (" + data.length + " bytes)", e);
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
