package io.rigstream.topology.processing;

import io.rigstream.schemas.topics.TopicDescriptor;
import org.apache.avro.specific.SpecificRecord;

/** A result on its way to an output topic; the topology routes it by {@link #topic()}. */
public record Output(TopicDescriptor<?> topic, SpecificRecord value) {
}
