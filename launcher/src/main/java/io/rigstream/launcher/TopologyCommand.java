package io.rigstream.launcher;

import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.rigstream.runtime.config.CommonConfig;
import io.rigstream.runtime.config.ServiceConfigParser;
import io.rigstream.topology.metrics.MicrometerTopologyMetrics;
import io.rigstream.topology.query.QueryRoutes;
import io.rigstream.topology.service.TopologyService;
import io.rigstream.topology.service.TopologySettings;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "topology", mixinStandardHelpOptions = true,
        description = "Run the Kafka Streams topology: dedup, usage, billable hours, downtime, maintenance triggers.")
final class TopologyCommand implements Callable<Integer> {

    static final int DEFAULT_MANAGEMENT_PORT = 8082;

    @Mixin
    ConfigOptions options;

    static ConfigDef definition() {
        return CommonConfig.define(TopologySettings.define(new ConfigDef()), DEFAULT_MANAGEMENT_PORT);
    }

    static List<String> passThroughPrefixes() {
        return CommonConfig.passThroughPrefixes(TopologySettings.STREAMS_PREFIX);
    }

    @Override
    public Integer call() throws Exception {
        AbstractConfig parsed = ServiceConfigParser.parse(definition(), passThroughPrefixes(), options.input());
        CommonConfig common = CommonConfig.from(parsed);
        // Query routes exist before the Streams client: it needs the management port for application.server.
        QueryRoutes queries = new QueryRoutes();
        try (ServiceHost host = new ServiceHost("topology", common, queries.routes())) {
            TopologyService service = host.run("kafka streams", new TopologyService(
                    TopologySettings.topologyConfig(parsed, common.schemaRegistry(), new MicrometerTopologyMetrics(host.metrics())),
                    TopologySettings.streamsProperties(parsed, common, host.managementPort())));
            service.registerHealth(host.health());
            // Kafka Streams' own metrics (restore progress, lag, thread state) for the alert rules.
            new KafkaStreamsMetrics(service.streams()).bindTo(host.metrics());
            queries.bind(service.interactiveQueries());
            service.start();
            host.awaitShutdown();
        }
        return 0;
    }
}
