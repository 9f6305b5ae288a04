package io.rigstream.launcher;

import io.rigstream.ingest.config.IngestConfig;
import io.rigstream.odoo.sink.config.OdooSinkConfig;
import io.rigstream.runtime.config.ConfigSources;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.types.Password;
import picocli.CommandLine.Command;

/** Prints every service's configuration keys as Markdown tables: the README's configuration reference. */
@Command(name = "config-reference", mixinStandardHelpOptions = true,
        description = "Print every configuration key of every service (key, environment variable, default, meaning) as Markdown.")
final class ConfigReferenceCommand implements Callable<Integer> {

    /** The services and their definitions, in data-flow order. */
    static Map<String, ConfigDef> definitions() {
        Map<String, ConfigDef> definitions = new java.util.LinkedHashMap<>();
        definitions.put("ingest", IngestConfig.definition());
        definitions.put("topology", TopologyCommand.definition());
        definitions.put("sink", OdooSinkConfig.definition());
        return definitions;
    }

    @Override
    public Integer call() {
        definitions().forEach((service, definition) -> System.out.print(table(service, definition)));
        return 0;
    }

    static String table(String service, ConfigDef definition) {
        StringBuilder markdown = new StringBuilder("#### `rigstream ").append(service).append("`\n\n")
                .append("| key | environment variable | default | meaning |\n|---|---|---|---|\n");
        List<ConfigDef.ConfigKey> keys = definition.configKeys().values().stream()
                .sorted(java.util.Comparator.comparing(k -> k.name)).toList();
        for (ConfigDef.ConfigKey key : keys) {
            markdown.append("| `").append(key.name).append("` | `").append(ConfigSources.envVarFor(key.name)).append("` | ")
                    .append(defaultText(key)).append(" | ").append(key.documentation.replace("|", "\\|"))
                    .append(key.validator != null ? " Allowed: " + key.validator.toString().replace("|", "\\|") + "." : "")
                    .append(" |\n");
        }
        return markdown.append('\n').toString();
    }

    private static String defaultText(ConfigDef.ConfigKey key) {
        if (!key.hasDefault()) {
            return "**required**";
        }
        Object value = key.defaultValue;
        if (value instanceof Password || value == null || value.toString().isEmpty() || "[]".equals(value.toString())) {
            return "(empty)";
        }
        return "`" + (value instanceof List<?> list ? String.join(",", list.stream().map(Object::toString).toList()) : value) + "`";
    }
}
