package io.rigstream.topology.query;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;

/** An Avro record as plain JSON-ready maps: fields by name, times and dates as ISO strings, unions unwrapped. */
final class AvroJson {

    private AvroJson() {
    }

    static Map<String, Object> toMap(SpecificRecord record) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (Schema.Field field : record.getSchema().getFields()) {
            map.put(field.name(), value(record.get(field.pos())));
        }
        return map;
    }

    private static Object value(Object value) {
        if (value instanceof SpecificRecord nested) {
            return toMap(nested);
        }
        if (value instanceof List<?> list) {
            List<Object> values = new ArrayList<>(list.size());
            list.forEach(v -> values.add(value(v)));
            return values;
        }
        if (value instanceof Enum<?> || value instanceof java.time.temporal.Temporal || value instanceof CharSequence) {
            return value.toString();
        }
        return value;
    }
}
