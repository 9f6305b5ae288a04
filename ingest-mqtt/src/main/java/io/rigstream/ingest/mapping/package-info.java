/**
 * Pure mapping of gateway payloads (contract v1) into Avro records: no I/O, no shared mutable state.
 *
 * <p>The transport calls {@link io.rigstream.ingest.mapping.PayloadMapper#map} once per MQTT message
 * and sends what comes back: accepted readings to the readings topic, rejections (via
 * {@link io.rigstream.ingest.mapping.Rejection#toAvro}) to the rejected topic.
 */
package io.rigstream.ingest.mapping;
