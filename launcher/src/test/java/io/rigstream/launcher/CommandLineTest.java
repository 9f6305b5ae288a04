package io.rigstream.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class CommandLineTest {

    private static int run(StringWriter err, String... args) {
        CommandLine commandLine = new CommandLine(new RigstreamCommand());
        commandLine.setErr(new PrintWriter(err));
        commandLine.setExecutionExceptionHandler((exception, cmd, parseResult) -> {
            cmd.getErr().println("Configuration error: " + exception.getMessage());
            return RigstreamCommand.EXIT_CONFIG;
        });
        return commandLine.execute(args);
    }

    @Test
    void everyServiceAndToolIsASubcommand() {
        assertThat(new CommandLine(new RigstreamCommand()).getSubcommands().keySet())
                .contains("ingest", "topology", "sink", "simulate", "demo", "topics", "dlq", "config-reference");
    }

    @Test
    void mockRegistryOutsideTheDemoIsRefusedWithAMessageSayingWhatToSet() {
        StringWriter err = new StringWriter();
        int exit = run(err, "ingest", "-Dschema.registry.url=mock://x", "-Dmanagement.port=0");
        assertThat(exit).isEqualTo(RigstreamCommand.EXIT_CONFIG);
        assertThat(err.toString()).contains("schema.registry.url").contains("http(s)://host:port")
                .contains("schema.registry.allow-mock");
    }

    @Test
    void unknownKeyIsRefusedNamingIt() {
        StringWriter err = new StringWriter();
        int exit = run(err, "ingest", "-Dschema.registry.url=http://r:8081", "-Dmqtt.server-uri=tcp://typo:1883");
        assertThat(exit).isEqualTo(RigstreamCommand.EXIT_CONFIG);
        assertThat(err.toString()).contains("mqtt.server-uri").contains("Unknown configuration key");
    }

    @Test
    void badValueIsRefusedNamingTheKeyAndTheAllowedValues() {
        StringWriter err = new StringWriter();
        int exit = run(err, "sink", "-Dschema.registry.url=http://r:8081", "-Dodoo.mode=sometimes");
        assertThat(exit).isEqualTo(RigstreamCommand.EXIT_CONFIG);
        assertThat(err.toString()).contains("odoo.mode").contains("dry-run");
    }
}
