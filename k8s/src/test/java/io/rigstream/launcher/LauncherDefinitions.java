package io.rigstream.launcher;

import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;

/**
 * The configuration definitions exactly as the launcher assembles them for each service (the topology's lives in
 * {@link TopologyCommand}, package-private): the manifests are checked against what {@code rigstream <service>} parses.
 * In the launcher's package, in the k8s module's tests only.
 */
public final class LauncherDefinitions {

    private LauncherDefinitions() {
    }

    /** ingest, topology, sink: what {@code rigstream config-reference} prints and the README lists. */
    public static Map<String, ConfigDef> all() {
        return ConfigReferenceCommand.definitions();
    }

    public static ConfigDef topology() {
        return TopologyCommand.definition();
    }

    public static List<String> topologyPassThroughPrefixes() {
        return TopologyCommand.passThroughPrefixes();
    }

    public static int topologyManagementPort() {
        return TopologyCommand.DEFAULT_MANAGEMENT_PORT;
    }
}
