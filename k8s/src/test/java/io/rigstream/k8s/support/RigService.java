package io.rigstream.k8s.support;

import io.rigstream.runtime.config.CommonConfig;
import io.rigstream.runtime.config.ConfigInput;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.common.config.ConfigDef;

/**
 * The three services as the manifests run them: the launcher subcommand, and the configuration definition the service
 * itself declares. The definitions are looked up by class name, so that a service whose configuration class has not
 * reached main yet is still checked, against the keys every service shares ({@link CommonConfig}) and the
 * pass-through prefixes it is specified to take; {@link #definitionFromService()} says which.
 */
public enum RigService {

    INGEST("ingest", "rigstream-ingest", List.of("io.rigstream.ingest.config.IngestConfig"), List.of("kafka.producer.")),
    TOPOLOGY("topology", "rigstream-topology", List.of("io.rigstream.topology.TopologyConfig",
            "io.rigstream.topology.config.TopologyConfig"), List.of("kafka.streams.")),
    SINK("sink", "rigstream-sink", List.of("io.rigstream.odoo.sink.config.OdooSinkConfig",
            "io.rigstream.odoo.sink.OdooSinkConfig"), List.of("kafka.consumer.", "kafka.producer."));

    private final String command;
    private final String workload;
    private final List<String> configClasses;
    private final List<String> specifiedPrefixes;

    RigService(String command, String workload, List<String> configClasses, List<String> specifiedPrefixes) {
        this.command = command;
        this.workload = workload;
        this.configClasses = configClasses;
        this.specifiedPrefixes = specifiedPrefixes;
    }

    /** The launcher subcommand: the container's first argument. */
    public String command() {
        return command;
    }

    /** The name of its Deployment or StatefulSet, Service, PDB, NetworkPolicy and ServiceAccount. */
    public String workload() {
        return workload;
    }

    public static Optional<RigService> forCommand(String command) {
        return Arrays.stream(values()).filter(s -> s.command.equals(command)).findFirst();
    }

    /** The service's configuration class, when it is on the classpath and declares {@code static ConfigDef definition()}. */
    public Optional<Class<?>> configClass() {
        for (String name : configClasses) {
            try {
                Class<?> type = Class.forName(name);
                Method definition = type.getMethod("definition");
                if (Modifier.isStatic(definition.getModifiers()) && ConfigDef.class.isAssignableFrom(definition.getReturnType())) {
                    return Optional.of(type);
                }
            } catch (ClassNotFoundException | NoSuchMethodException e) {
                // not (yet) this one
            }
        }
        return Optional.empty();
    }

    public boolean definitionFromService() {
        return configClass().isPresent();
    }

    /** Every key the service accepts: its own definition, or the shared keys while it has none on main. */
    public ConfigDef definition() {
        return configClass().map(type -> (ConfigDef) invokeStatic(type, "definition"))
                .orElseGet(() -> CommonConfig.define(new ConfigDef(), 0));
    }

    @SuppressWarnings("unchecked")
    public List<String> passThroughPrefixes() {
        return configClass().flatMap(type -> {
            try {
                type.getMethod("passThroughPrefixes");
                return Optional.of((List<String>) invokeStatic(type, "passThroughPrefixes"));
            } catch (NoSuchMethodException e) {
                return Optional.empty();
            }
        }).orElseGet(() -> CommonConfig.passThroughPrefixes(specifiedPrefixes.toArray(String[]::new)));
    }

    /**
     * Loads a configuration the way the service does at start-up (its own cross-key checks included), when its
     * configuration class has a static factory taking a {@link ConfigInput}; empty when it has none.
     */
    public Optional<Object> load(ConfigInput input) {
        Optional<Class<?>> type = configClass();
        if (type.isEmpty()) {
            return Optional.empty();
        }
        for (Method method : type.get().getMethods()) {
            if (Modifier.isStatic(method.getModifiers()) && method.getParameterCount() == 1
                    && method.getParameterTypes()[0] == ConfigInput.class && method.getReturnType() == type.get()) {
                try {
                    return Optional.of(method.invoke(null, input));
                } catch (InvocationTargetException e) {
                    if (e.getCause() instanceof RuntimeException runtime) {
                        throw runtime;
                    }
                    throw new IllegalStateException(e.getCause());
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return Optional.empty();
    }

    private static Object invokeStatic(Class<?> type, String name) {
        try {
            return type.getMethod(name).invoke(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(type.getName() + "." + name + "()", e);
        }
    }
}
