package io.rigstream.launcher;

import org.apache.kafka.common.config.ConfigException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code java -jar rigstream.jar <command>}: one jar for every rigstream service and tool. */
@Command(name = "rigstream", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Telematics stream processor: MQTT gateways -> Kafka -> usage, billing and maintenance -> Odoo.",
        subcommands = {IngestCommand.class, TopologyCommand.class, SinkCommand.class, SimulateCommand.class,
                DemoCommand.class, TopicsCommand.class, AssignmentsCommand.class, DeadLetterCommand.class, ConfigReferenceCommand.class, CommandLine.HelpCommand.class})
public final class RigstreamCommand {

    /** Exit code for a configuration the service refused: distinct, so scripts and Kubernetes can tell. */
    public static final int EXIT_CONFIG = 2;

    public static void main(String[] args) {
        CommandLine commandLine = new CommandLine(new RigstreamCommand());
        commandLine.setExecutionExceptionHandler((exception, cmd, parseResult) -> {
            if (exception instanceof ConfigException) {
                cmd.getErr().println("Configuration error: " + exception.getMessage());
                return EXIT_CONFIG;
            }
            throw exception;
        });
        System.exit(commandLine.execute(args));
    }
}
