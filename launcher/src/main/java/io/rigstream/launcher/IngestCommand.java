package io.rigstream.launcher;

import io.rigstream.ingest.IngestService;
import io.rigstream.ingest.config.IngestConfig;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = "Run the MQTT -> Kafka bridge (gateway payload contract v1).")
final class IngestCommand implements Callable<Integer> {

    @Mixin
    ConfigOptions options;

    @Override
    public Integer call() throws Exception {
        IngestConfig config = IngestConfig.load(options.input());
        try (ServiceHost host = new ServiceHost("ingest", config.common(), Map.of())) {
            IngestService service = host.run("bridge", new IngestService(config, host.metrics(), host.health(), Clock.systemUTC()));
            service.start();
            host.awaitShutdown();
        }
        return 0;
    }
}
