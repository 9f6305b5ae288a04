package io.rigstream.runtime.config;

import java.util.List;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

/** Allows only the listed values and says which they are when another is given. */
public final class OneOf implements ConfigDef.Validator {

    private final List<String> allowed;

    private OneOf(List<String> allowed) {
        this.allowed = allowed;
    }

    public static OneOf of(String... allowed) {
        return new OneOf(List.of(allowed));
    }

    @Override
    public void ensureValid(String name, Object value) {
        if (value == null || !allowed.contains(value.toString())) {
            throw new ConfigException(name, value, "allowed values are " + allowed);
        }
    }

    @Override
    public String toString() {
        return String.join(" | ", allowed);
    }
}
