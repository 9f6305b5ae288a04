package io.rigstream.odoo.sink.delivery;

import org.apache.avro.specific.SpecificRecord;

/**
 * Decodes a consumed record's value. Throws {@link io.rigstream.schemas.registry.SchemaRegistryException} when the
 * registry could not be asked (retried) and any other runtime exception when the bytes are unreadable (poison).
 */
@FunctionalInterface
public interface RecordReader {

    SpecificRecord read(PendingRecord record);
}
