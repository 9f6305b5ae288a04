package io.rigstream.launcher;

import io.rigstream.odoo.sink.OdooSinkService;
import io.rigstream.odoo.sink.config.OdooSinkConfig;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "sink", mixinStandardHelpOptions = true,
        description = "Run the Odoo sink: usage lines and maintenance requests into Odoo (or a dry-run outbox).")
final class SinkCommand implements Callable<Integer> {

    @Mixin
    ConfigOptions options;

    @Override
    public Integer call() throws Exception {
        OdooSinkConfig config = OdooSinkConfig.from(options.input());
        try (ServiceHost host = new ServiceHost("odoo-sink", config.common(), Map.of())) {
            OdooSinkService service = host.run("sink", new OdooSinkService(config, Clock.systemUTC(), host.metrics(), host.health()));
            service.start();
            // A fatal error (refused credentials, missing rights) stops the sink; the process then exits non-zero.
            service.termination().whenComplete((ok, error) -> host.close());
            host.awaitShutdown();
            if (service.fatalError().isPresent()) {
                System.err.println("odoo-sink stopped: " + service.fatalError().get());
                return 1;
            }
        }
        return 0;
    }
}
