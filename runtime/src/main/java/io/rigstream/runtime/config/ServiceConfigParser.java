package io.rigstream.runtime.config;

import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

/**
 * Parses a service's merged settings against its definition. Types, ranges and allowed values are checked by
 * {@link ConfigDef}, whose errors name the key; a key that is neither defined nor under a pass-through prefix is
 * refused, so a typo fails start-up instead of being ignored. The effective configuration is logged once, secrets
 * shown as {@code [hidden]}.
 */
public final class ServiceConfigParser {

    private ServiceConfigParser() {
    }

    public static AbstractConfig parse(ConfigDef definition, List<String> passThroughPrefixes, ConfigInput input) {
        Map<String, String> merged = ConfigSources.merge(definition, passThroughPrefixes, input.propertiesFile(),
                input.environment(), input.overrides());
        TreeSet<String> unknown = new TreeSet<>();
        for (String key : merged.keySet()) {
            if (!definition.names().contains(key) && passThroughPrefixes.stream().noneMatch(key::startsWith)) {
                unknown.add(key);
            }
        }
        if (!unknown.isEmpty()) {
            throw new ConfigException("Unknown configuration key(s) " + unknown + ". Known keys: "
                    + new TreeSet<>(definition.names()) + "; Kafka client settings pass through with the prefixes "
                    + passThroughPrefixes);
        }
        return new AbstractConfig(definition, merged, true);
    }
}
