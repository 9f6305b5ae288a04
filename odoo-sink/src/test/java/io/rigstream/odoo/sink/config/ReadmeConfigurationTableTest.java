package io.rigstream.odoo.sink.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.rigstream.runtime.config.ConfigSources;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README's configuration table is the documentation of every key: it must not fall behind the code. */
class ReadmeConfigurationTableTest {

    @Test
    void everyKeyIsInTheReadmeWithItsEnvironmentVariable() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        OdooSinkConfig.definition().names().forEach(key -> assertThat(readme).as(key)
                .contains("| `" + key + "` | `" + ConfigSources.envVarFor(key) + "` |"));
    }
}
