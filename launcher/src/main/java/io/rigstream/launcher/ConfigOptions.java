package io.rigstream.launcher;

import io.rigstream.runtime.config.ConfigInput;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The configuration flags every service command takes: a properties file and key=value overrides. */
public final class ConfigOptions {

    @Option(names = {"-c", "--config"}, paramLabel = "FILE",
            description = "Properties file; RIGSTREAM_* environment variables override it, -D overrides both.")
    Path configFile;

    @Option(names = "-D", paramLabel = "KEY=VALUE", description = "Set one configuration key (highest precedence).")
    Map<String, String> overrides = new LinkedHashMap<>();

    public ConfigInput input() {
        return ConfigInput.of(Optional.ofNullable(configFile), overrides);
    }
}
