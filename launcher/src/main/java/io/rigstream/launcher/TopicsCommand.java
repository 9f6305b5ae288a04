package io.rigstream.launcher;

import io.rigstream.runtime.kafka.TopicInstaller;
import io.rigstream.schemas.topics.Topics;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.Admin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "topics", mixinStandardHelpOptions = true, description = "Manage rigstream's Kafka topics.",
        subcommands = TopicsCommand.Create.class)
final class TopicsCommand {

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Create every rigstream topic that does not exist yet, with its declared settings (idempotent).")
    static final class Create implements Callable<Integer> {

        @Option(names = "--bootstrap-servers", required = true, description = "Kafka bootstrap servers.")
        String bootstrapServers;

        @Option(names = "--partitions", defaultValue = "12", description = "Partitions per topic (default ${DEFAULT-VALUE}).")
        int partitions;

        @Option(names = "--replication-factor", defaultValue = "3", description = "Replication factor (default ${DEFAULT-VALUE}).")
        short replicationFactor;

        @Option(names = "-X", paramLabel = "KEY=VALUE", description = "Admin client setting (security.protocol, sasl.*, ssl.*).")
        Map<String, String> adminSettings = new java.util.HashMap<>();

        @Override
        public Integer call() throws Exception {
            Map<String, Object> properties = new java.util.HashMap<>(adminSettings);
            properties.put("bootstrap.servers", bootstrapServers);
            try (Admin admin = Admin.create(properties)) {
                List<String> created = TopicInstaller.createMissing(admin, Topics.ALL, partitions, replicationFactor);
                System.out.println(created.isEmpty() ? "All rigstream topics already exist." : "Created " + created);
            }
            return 0;
        }
    }
}
