package io.rigstream.schemas.registry;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;

/**
 * The {@code mock://<scope>} registry: one in-process registry per scope, shared by every serde of this JVM that
 * names the same scope. Like Confluent's mock registry, an identical schema gets the same id whatever the subject.
 * Ids mean nothing outside this JVM, which is why services only accept it when told they run together.
 */
public final class InMemorySchemaRegistry implements SchemaRegistryClient {

    private static final Map<String, InMemorySchemaRegistry> SCOPES = new ConcurrentHashMap<>();

    private final Map<Schema, Integer> idsBySchema = new ConcurrentHashMap<>();
    private final Map<Integer, Schema> schemasById = new ConcurrentHashMap<>();

    private InMemorySchemaRegistry() {
    }

    /** The registry of {@code scope}, created on first use. */
    public static InMemorySchemaRegistry scope(String scope) {
        return SCOPES.computeIfAbsent(scope, s -> new InMemorySchemaRegistry());
    }

    @Override
    public synchronized int register(String subject, Schema schema) {
        return idsBySchema.computeIfAbsent(schema, s -> {
            int id = schemasById.size() + 1;
            schemasById.put(id, s);
            return id;
        });
    }

    @Override
    public Schema schemaById(int id) {
        Schema schema = schemasById.get(id);
        if (schema == null) {
            throw new SchemaRegistryException("Schema id " + id + " is unknown to this JVM's mock:// registry. "
                    + "Data written by another process needs a shared registry: set schema.registry.url to http(s)://", 404, 40403, null);
        }
        return schema;
    }
}
