package io.rigstream.launcher;

import io.rigstream.odoo.sink.config.OdooSinkConfig;
import io.rigstream.odoo.sink.kafka.DeadLetterReplayer;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "dlq", mixinStandardHelpOptions = true, description = "Work with the Odoo sink's dead-letter topic.",
        subcommands = DeadLetterCommand.Replay.class)
final class DeadLetterCommand {

    @Command(name = "replay", mixinStandardHelpOptions = true,
            description = "Send every record of the Odoo dead-letter topic back to its source topic, once its cause is fixed.")
    static final class Replay implements Callable<Integer> {

        @Mixin
        ConfigOptions options;

        @Option(names = "--timeout", defaultValue = "PT2M", description = "Give up after this ISO-8601 duration (default ${DEFAULT-VALUE}).")
        Duration timeout;

        @Override
        public Integer call() throws Exception {
            DeadLetterReplayer.Result result = new DeadLetterReplayer(OdooSinkConfig.from(options.input())).replayAll(timeout);
            System.out.printf("Replayed %d dead letters, skipped %d%n", result.replayed(), result.skipped());
            return 0;
        }
    }
}
