package io.rigstream.runtime.config;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** Where one service's settings come from, before merging: lowest precedence first. */
public record ConfigInput(Optional<Path> propertiesFile, Map<String, String> environment, Map<String, String> overrides) {

    public ConfigInput {
        environment = Map.copyOf(environment);
        overrides = Map.copyOf(overrides);
    }

    /** The process's real environment, with an optional properties file and CLI overrides. */
    public static ConfigInput of(Optional<Path> propertiesFile, Map<String, String> overrides) {
        return new ConfigInput(propertiesFile, System.getenv(), overrides);
    }

    /** Only the given values: for tests and for the demo, which wires services in code. */
    public static ConfigInput ofValues(Map<String, String> values) {
        return new ConfigInput(Optional.empty(), Map.of(), values);
    }

    public ConfigInput withOverrides(Map<String, String> more) {
        Map<String, String> merged = new java.util.HashMap<>(overrides);
        merged.putAll(more);
        return new ConfigInput(propertiesFile, environment, merged);
    }
}
