package io.rigstream.topology.processing;

import io.rigstream.schemas.topics.TopicDescriptor;
import org.apache.avro.specific.SpecificRecord;

/** Where the equipment processor's results go: one of the output topics. */
@FunctionalInterface
public interface Emitter {

    <V extends SpecificRecord> void emit(TopicDescriptor<V> topic, String key, V value, long timestamp);
}
