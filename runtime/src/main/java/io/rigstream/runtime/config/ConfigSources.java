package io.rigstream.runtime.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

/**
 * Merges the three places a setting can come from, lowest precedence first: a properties file, {@code RIGSTREAM_*}
 * environment variables, CLI flags. An environment variable is derived from its key mechanically
 * ({@code odoo.url} -> {@code RIGSTREAM_ODOO_URL}: upper case, '.' and '-' become '_').
 * Pass-through Kafka client settings ({@code kafka.producer.linger.ms}) are reachable from the environment too:
 * {@code RIGSTREAM_KAFKA_PRODUCER_LINGER_MS}, where every '_' after the prefix becomes '.'.
 */
public final class ConfigSources {

    public static final String ENV_PREFIX = "RIGSTREAM_";

    private ConfigSources() {
    }

    /** The environment variable that sets {@code key}. */
    public static String envVarFor(String key) {
        return ENV_PREFIX + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    public static Map<String, String> merge(ConfigDef definition, Iterable<String> passThroughPrefixes,
            Optional<Path> propertiesFile, Map<String, String> environment, Map<String, String> cliOverrides) {
        Map<String, String> merged = new HashMap<>();
        propertiesFile.ifPresent(file -> merged.putAll(readProperties(file)));
        merged.putAll(fromEnvironment(definition, passThroughPrefixes, environment));
        merged.putAll(cliOverrides);
        return merged;
    }

    static Map<String, String> fromEnvironment(ConfigDef definition, Iterable<String> passThroughPrefixes,
            Map<String, String> environment) {
        Map<String, String> values = new HashMap<>();
        for (String key : definition.names()) {
            String value = environment.get(envVarFor(key));
            if (value != null) {
                values.put(key, value);
            }
        }
        for (String prefix : passThroughPrefixes) {
            String envPrefix = envVarFor(prefix);
            environment.forEach((name, value) -> {
                if (name.startsWith(envPrefix) && name.length() > envPrefix.length()) {
                    String rest = name.substring(envPrefix.length()).toLowerCase(Locale.ROOT).replace('_', '.');
                    values.put(prefix + rest, value);
                }
            });
        }
        return values;
    }

    private static Map<String, String> readProperties(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new ConfigException("Cannot read configuration file " + file + ": " + e.getMessage());
        }
        Map<String, String> values = new HashMap<>();
        properties.stringPropertyNames().forEach(name -> values.put(name, properties.getProperty(name).trim()));
        return values;
    }
}
