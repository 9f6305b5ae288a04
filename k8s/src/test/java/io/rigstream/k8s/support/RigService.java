package io.rigstream.k8s.support;

import io.rigstream.ingest.config.IngestConfig;
import io.rigstream.launcher.LauncherDefinitions;
import io.rigstream.odoo.sink.config.OdooSinkConfig;
import io.rigstream.runtime.config.CommonConfig;
import io.rigstream.runtime.config.ConfigInput;
import io.rigstream.runtime.config.ServiceConfigParser;
import io.rigstream.topology.metrics.TopologyMetrics;
import io.rigstream.topology.service.TopologySettings;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;

/**
 * The three services as the manifests run them: the launcher subcommand, the configuration definition and pass-through
 * prefixes the launcher parses its settings with, and what the service builds from them at start-up (with its own
 * cross-key checks).
 */
public enum RigService {

    INGEST("ingest", "rigstream-ingest", IngestConfig::definition, IngestConfig::passThroughPrefixes, IngestConfig::load),
    TOPOLOGY("topology", "rigstream-topology", LauncherDefinitions::topology, LauncherDefinitions::topologyPassThroughPrefixes,
            RigService::loadTopology),
    SINK("sink", "rigstream-sink", OdooSinkConfig::definition, OdooSinkConfig::passThroughPrefixes, OdooSinkConfig::from);

    private final String command;
    private final String workload;
    private final Supplier<ConfigDef> definition;
    private final Supplier<List<String>> prefixes;
    private final Function<ConfigInput, Object> loader;

    RigService(String command, String workload, Supplier<ConfigDef> definition, Supplier<List<String>> prefixes,
            Function<ConfigInput, Object> loader) {
        this.command = command;
        this.workload = workload;
        this.definition = definition;
        this.prefixes = prefixes;
        this.loader = loader;
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

    /** Every key the service accepts. */
    public ConfigDef definition() {
        return definition.get();
    }

    public List<String> passThroughPrefixes() {
        return prefixes.get();
    }

    /** Builds what the service builds from its settings at start-up; throws the service's ConfigException if it refuses. */
    public Object load(ConfigInput input) {
        return loader.apply(input);
    }

    /** What TopologyCommand does before it starts Kafka Streams: the topology's settings and the Streams properties. */
    private static Object loadTopology(ConfigInput input) {
        AbstractConfig parsed = ServiceConfigParser.parse(LauncherDefinitions.topology(),
                LauncherDefinitions.topologyPassThroughPrefixes(), input);
        CommonConfig common = CommonConfig.from(parsed);
        Object config = TopologySettings.topologyConfig(parsed, common.schemaRegistry(), TopologyMetrics.NONE);
        TopologySettings.streamsProperties(parsed, common, common.managementPort());
        return config;
    }
}
