package io.rigstream.schemas.registry;

import org.apache.avro.Schema;

/**
 * The two calls the wire-format serde needs from a Confluent-compatible schema registry.
 * Implementations cache in both directions: a schema is registered once per subject, an id is looked up once.
 */
public interface SchemaRegistryClient {

    /** Registers {@code schema} under {@code subject} (or finds it already there) and returns its global id. */
    int register(String subject, Schema schema);

    /** Returns the schema with this global id. */
    Schema schemaById(int id);
}
