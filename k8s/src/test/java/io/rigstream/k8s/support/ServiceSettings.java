package io.rigstream.k8s.support;

import io.rigstream.runtime.config.ConfigInput;
import io.rigstream.runtime.config.ConfigSources;
import io.rigstream.runtime.config.ServiceConfigParser;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;

/**
 * What one rigstream container is started with, wherever it is declared (a Kubernetes pod, a compose service): the
 * subcommand, the properties file, the environment and the {@code -D} flags. Checks them against the service's own
 * configuration definition, through the same merge and parser the service runs at start-up.
 */
public record ServiceSettings(String origin, RigService service, List<String> args, Map<String, String> properties,
        Map<String, String> environment, Map<String, String> overrides) {

    /** Environment variables the launcher's logback.xml reads: not configuration keys, but rigstream's too. */
    public static final Set<String> LOGGING_VARIABLES = loggingVariables();
    /** Other variables a container may set: the JVM's, and the pod facts that RIGSTREAM_* values refer to. */
    public static final Set<String> OTHER_VARIABLES = Set.of("JAVA_TOOL_OPTIONS", "POD_NAME", "POD_NAMESPACE", "TZ");

    public ServiceSettings {
        args = List.copyOf(args);
        properties = Map.copyOf(properties);
        environment = Map.copyOf(environment);
        overrides = Map.copyOf(overrides);
    }

    /** Reads {@code -c FILE} / {@code --config FILE} from the arguments. */
    public static Optional<String> configFileArgument(List<String> args) {
        for (int i = 1; i < args.size(); i++) {
            String arg = args.get(i);
            if ((arg.equals("-c") || arg.equals("--config")) && i + 1 < args.size()) {
                return Optional.of(args.get(i + 1));
            }
            if (arg.startsWith("--config=")) {
                return Optional.of(arg.substring("--config=".length()));
            }
        }
        return Optional.empty();
    }

    /** The {@code -D key=value} flags of the arguments. */
    public static Map<String, String> overridesOf(List<String> args) {
        Map<String, String> overrides = new LinkedHashMap<>();
        for (int i = 1; i < args.size(); i++) {
            String arg = args.get(i);
            String pair = arg.equals("-D") && i + 1 < args.size() ? args.get(++i) : arg.startsWith("-D") ? arg.substring(2) : null;
            if (pair != null) {
                int eq = pair.indexOf('=');
                overrides.put(pair.substring(0, eq), pair.substring(eq + 1));
            }
        }
        return overrides;
    }

    public static Map<String, String> parseProperties(String text) {
        Properties props = new Properties();
        try {
            props.load(new StringReader(text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> values = new TreeMap<>();
        props.stringPropertyNames().forEach(name -> values.put(name, props.getProperty(name).trim()));
        return values;
    }

    /** The definition the settings are checked against: the one the launcher parses this service's settings with. */
    public ConfigDef definition() {
        return service.definition();
    }

    /** Every setting as the service will see it: file, then RIGSTREAM_* variables, then -D flags. */
    public Map<String, String> effective() {
        Map<String, String> merged = ConfigSources.merge(definition(), service.passThroughPrefixes(),
                Optional.empty(), environment, overrides);
        Map<String, String> all = new TreeMap<>(properties);
        all.putAll(merged);
        return all;
    }

    /** The value the service will use for {@code key}: the effective setting, or the definition's default. */
    public Optional<String> value(String key) {
        String set = effective().get(key);
        if (set != null) {
            return Optional.of(set);
        }
        ConfigDef.ConfigKey definition = definition().configKeys().get(key);
        if (definition == null || !definition.hasDefault() || definition.defaultValue == null) {
            return Optional.empty();
        }
        Object value = definition.defaultValue;
        return Optional.of(value instanceof List<?> list ? String.join(",", list.stream().map(Object::toString).toList())
                : value.toString());
    }

    /** Everything wrong with these settings, each naming where it is; empty when the service would accept them. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        ConfigDef definition = definition();
        List<String> prefixes = service.passThroughPrefixes();
        if (args.isEmpty() || !args.get(0).equals(service.command())) {
            problems.add(origin + ": the first argument must be the subcommand '" + service.command() + "', got " + args);
        }
        environment.keySet().forEach(name -> envProblem(name, definition, prefixes).ifPresent(problems::add));
        Map<String, String> all = effective();
        for (String key : all.keySet()) {
            if (definition.names().contains(key)) {
                continue;
            }
            Optional<String> prefix = prefixes.stream().filter(key::startsWith).findFirst();
            if (prefix.isEmpty()) {
                problems.add(origin + ": '" + key + "' is not a " + service.command() + " configuration key");
            } else {
                KafkaKeys.problem(prefix.get(), key).ifPresent(p -> problems.add(origin + ": " + p));
            }
        }
        for (ConfigDef.ConfigKey key : definition.configKeys().values()) {
            if (!key.hasDefault() && !all.containsKey(key.name)) {
                problems.add(origin + ": required key '" + key.name + "' (" + ConfigSources.envVarFor(key.name) + ") is not set");
            }
        }
        return problems;
    }

    private Optional<String> envProblem(String name, ConfigDef definition, List<String> prefixes) {
        if (!name.startsWith(ConfigSources.ENV_PREFIX)) {
            return OTHER_VARIABLES.contains(name) ? Optional.empty()
                    : Optional.of(origin + ": environment variable " + name + " is neither a RIGSTREAM_* setting nor one of "
                    + OTHER_VARIABLES);
        }
        if (LOGGING_VARIABLES.contains(name)) {
            return Optional.empty();
        }
        for (String key : definition.names()) {
            if (ConfigSources.envVarFor(key).equals(name)) {
                return Optional.empty();
            }
        }
        for (String prefix : prefixes) {
            String envPrefix = ConfigSources.envVarFor(prefix);
            if (name.startsWith(envPrefix) && name.length() > envPrefix.length()) {
                return Optional.empty(); // the key it becomes is checked with the others
            }
        }
        return Optional.of(origin + ": " + name + " sets nothing: the " + service.command()
                + " service has no key whose variable it is (a misspelt variable is silently ignored at run time)");
    }

    /**
     * Parses the settings with the service's definition, then builds what the service builds from them at start-up
     * (which adds its cross-key checks). Secrets given as file:/path are replaced by files with a dummy value, as the mounted
     * Secret would provide. Returns the parsed config; throws the service's own ConfigException otherwise.
     */
    public AbstractConfig parse(Path scratch) {
        ConfigInput input = input(scratch);
        AbstractConfig parsed = ServiceConfigParser.parse(definition(), service.passThroughPrefixes(), input);
        service.load(input);
        return parsed;
    }

    public ConfigInput input(Path scratch) {
        try {
            Files.createDirectories(scratch);
            Path file = Files.createTempFile(scratch, service.command(), ".properties");
            Properties props = new Properties();
            props.putAll(withSecretFiles(properties, scratch));
            try (var writer = Files.newBufferedWriter(file)) {
                props.store(writer, origin);
            }
            return new ConfigInput(Optional.of(file), withSecretFiles(environment, scratch), withSecretFiles(overrides, scratch));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, String> withSecretFiles(Map<String, String> values, Path scratch) throws IOException {
        Map<String, String> result = new LinkedHashMap<>();
        for (Map.Entry<String, String> entry : values.entrySet()) {
            String value = entry.getValue();
            if (value.startsWith("file:")) {
                Path stand = Files.createTempFile(scratch, "secret", ".txt");
                Files.writeString(stand, "stand-in-for-" + value.substring(5).replace('/', '_'));
                value = "file:" + stand;
            }
            result.put(entry.getKey(), value);
        }
        return result;
    }

    /** Every value given as file:/path, by key. */
    public Map<String, String> secretFiles() {
        Map<String, String> files = new TreeMap<>();
        effective().forEach((key, value) -> {
            if (value.startsWith("file:")) {
                files.put(key, value.substring(5));
            }
        });
        return files;
    }

    private static Set<String> loggingVariables() {
        Path logback = Repo.path("launcher/src/main/resources/logback.xml");
        Set<String> names = new java.util.TreeSet<>();
        try {
            Matcher m = Pattern.compile("\\$\\{(RIGSTREAM_[A-Z0-9_]+)").matcher(Files.readString(logback));
            while (m.find()) {
                names.add(m.group(1));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(names);
    }

    @Override
    public String toString() {
        return origin;
    }
}
