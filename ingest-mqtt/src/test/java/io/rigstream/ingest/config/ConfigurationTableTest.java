package io.rigstream.ingest.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.rigstream.runtime.config.ConfigSources;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.types.Password;
import org.junit.jupiter.api.Test;

/**
 * The configuration table in docs/ingest.md is generated from {@link IngestConfig#definition()}, so it cannot fall
 * behind the code. When a key changes, run this test with {@code -Drigstream.docs.write=true} to rewrite the table.
 */
class ConfigurationTableTest {

    private static final Path DOC = Path.of("..", "docs", "ingest.md");
    private static final String BEGIN = "<!-- configuration table: generated from IngestConfig.definition() by ConfigurationTableTest -->\n";
    private static final String END = "<!-- end of configuration table -->";

    static String table() {
        StringBuilder table = new StringBuilder("| key | environment variable | default | meaning |\n|---|---|---|---|\n");
        for (ConfigDef.ConfigKey key : IngestConfig.definition().configKeys().values()) {
            table.append("| `").append(key.name).append("` | `").append(ConfigSources.envVarFor(key.name)).append("` | ")
                    .append(defaultOf(key)).append(" | ").append(key.documentation.replace("|", "\\|")).append(" |\n");
        }
        for (String prefix : IngestConfig.passThroughPrefixes()) {
            table.append("| `").append(prefix).append("*` | `").append(ConfigSources.envVarFor(prefix)).append("*` | | ")
                    .append(prefix.equals(IngestConfig.KAFKA_PRODUCER_PREFIX)
                            ? "Any Kafka producer setting, over the bridge's defaults (see below): `kafka.producer.linger.ms=10`."
                            : "Any Kafka client setting for every client of the service, typically security: "
                                    + "`kafka.common.security.protocol=SASL_SSL`.")
                    .append(" |\n");
        }
        return table.toString();
    }

    private static String defaultOf(ConfigDef.ConfigKey key) {
        if (!key.hasDefault()) {
            return "(required)";
        }
        Object value = key.defaultValue;
        if (value instanceof Password password) {
            value = password.value();
        } else if (value instanceof List<?> list) {
            value = list.stream().map(String::valueOf).collect(Collectors.joining(","));
        }
        String text = String.valueOf(value);
        return text.isEmpty() ? "(empty)" : "`" + text + "`";
    }

    @Test
    void theDocumentedTableIsTheOneTheDefinitionGenerates() throws Exception {
        String doc = Files.readString(DOC);
        int begin = doc.indexOf(BEGIN);
        int end = doc.indexOf(END);
        assertThat(begin).as("docs/ingest.md has the table markers").isNotNegative();
        assertThat(end).isGreaterThan(begin);
        String generated = table();
        if (Boolean.getBoolean("rigstream.docs.write")) {
            Files.writeString(DOC, doc.substring(0, begin + BEGIN.length()) + generated + doc.substring(end));
            return;
        }
        assertThat(doc.substring(begin + BEGIN.length(), end))
                .as("docs/ingest.md's table is stale; rerun with -Drigstream.docs.write=true").isEqualTo(generated);
    }
}
