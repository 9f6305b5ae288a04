package io.rigstream.runtime.config;

import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Parses a service's merged settings against its definition. Types, ranges and allowed values are checked by
 * {@link ConfigDef}, whose errors name the key; a key that is neither defined nor under a pass-through prefix is
 * refused, so a typo fails start-up instead of being ignored. The effective configuration is logged once, secrets
 * shown as {@code [hidden]}.
 */
public final class ServiceConfigParser {

    private ServiceConfigParser() {
    }

    private static final Logger LOG = LoggerFactory.getLogger(ServiceConfigParser.class);

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
        AbstractConfig parsed = new AbstractConfig(definition, merged, false);
        logEffective(parsed);
        return parsed;
    }

    /** One line per key, sorted; Kafka's Password prints as [hidden], and pass-through values are not printed. */
    private static void logEffective(AbstractConfig parsed) {
        StringBuilder lines = new StringBuilder("Effective configuration:");
        new java.util.TreeMap<>(parsed.values()).forEach((key, value) -> lines.append("\n  ").append(key).append(" = ").append(value));
        LOG.info("{}", lines);
    }
}
