package io.rigstream.launcher;

import io.rigstream.launcher.assignments.AssignmentFile;
import io.rigstream.runtime.config.CommonConfig;
import io.rigstream.runtime.config.ServiceConfigParser;
import io.rigstream.schemas.EquipmentAssignment;
import io.rigstream.schemas.topics.Topics;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "assignments", mixinStandardHelpOptions = true, description = "Manage equipment-to-job assignments.",
        subcommands = AssignmentsCommand.Load.class)
final class AssignmentsCommand {

    @Command(name = "load", mixinStandardHelpOptions = true,
            description = "Publish the assignments of a YAML or CSV file (see docs/examples/) to the compacted assignments topic.")
    static final class Load implements Callable<Integer> {

        @Mixin
        ConfigOptions options;

        @Parameters(paramLabel = "FILE", description = "assignments.yaml or assignments.csv")
        Path file;

        @Override
        public Integer call() throws Exception {
            List<EquipmentAssignment> assignments = AssignmentFile.read(file);
            AbstractConfig parsed = ServiceConfigParser.parse(CommonConfig.define(new ConfigDef(), 0),
                    CommonConfig.passThroughPrefixes("kafka.producer."), options.input());
            CommonConfig common = CommonConfig.from(parsed);
            Map<String, Object> producer = common.kafkaClientProperties(
                    Map.of(ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true),
                    parsed.originalsWithPrefix("kafka.producer."));
            try (KafkaProducer<String, EquipmentAssignment> kafka = new KafkaProducer<>(producer,
                    Topics.ASSIGNMENTS.keySerde().serializer(), Topics.ASSIGNMENTS.valueSerde(common.schemaRegistry()).serializer())) {
                for (EquipmentAssignment assignment : assignments) {
                    kafka.send(new ProducerRecord<>(Topics.ASSIGNMENTS.name(), assignment.getAssignmentId(), assignment));
                }
                kafka.flush();
            }
            System.out.printf("Published %d assignments from %s to %s%n", assignments.size(), file, Topics.ASSIGNMENTS.name());
            return 0;
        }
    }
}
