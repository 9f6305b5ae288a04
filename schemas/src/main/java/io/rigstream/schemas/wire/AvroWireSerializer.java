package io.rigstream.schemas.wire;

import io.rigstream.schemas.registry.SchemaRegistryClient;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/** Writes a SpecificRecord as magic byte, schema id, Avro binary; the id is registered once per topic. */
public final class AvroWireSerializer<T extends SpecificRecord> implements Serializer<T> {

    private final SchemaRegistryClient registry;
    private final Schema schema;
    private final String subjectSuffix;
    private final SpecificDatumWriter<T> writer;
    private final Map<String, Integer> schemaIdByTopic = new ConcurrentHashMap<>();
    private final ThreadLocal<Buffers> buffers = ThreadLocal.withInitial(Buffers::new);

    AvroWireSerializer(SchemaRegistryClient registry, Schema schema, boolean isKey) {
        this.registry = registry;
        this.schema = schema;
        this.subjectSuffix = isKey ? "-key" : "-value";
        this.writer = new SpecificDatumWriter<>(schema);
    }

    @Override
    public byte[] serialize(String topic, T record) {
        if (record == null) {
            return null;
        }
        int schemaId = schemaIdByTopic.computeIfAbsent(topic, t -> registry.register(t + subjectSuffix, schema));
        Buffers reusable = buffers.get();
        reusable.body.reset();
        try {
            reusable.encoder = EncoderFactory.get().binaryEncoder(reusable.body, reusable.encoder);
            writer.write(record, reusable.encoder);
            reusable.encoder.flush();
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("Could not write " + schema.getFullName() + " for topic " + topic, e);
        }
        ByteBuffer framed = ByteBuffer.allocate(WireFormat.HEADER_LENGTH + reusable.body.size());
        WireFormat.writeHeader(framed, schemaId);
        framed.put(reusable.body.toByteArray());
        return framed.array();
    }

    /** Per-thread encoder and buffer: serialization sits on the producer's hot path. */
    private static final class Buffers {
        final ByteArrayOutputStream body = new ByteArrayOutputStream(512);
        BinaryEncoder encoder;
    }
}
