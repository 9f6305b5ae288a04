package io.rigstream.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class EmbeddedKafkaRestartIT {

    @Test
    void brokerRestartsOnTheSameAddressKeepingItsData() throws Exception {
        try (EmbeddedKafka kafka = EmbeddedKafka.start()) {
            String bootstrap = kafka.bootstrapServers();
            try (Admin admin = kafka.admin()) {
                admin.createTopics(List.of(new NewTopic("restart", 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
            }
            // Generous timeouts: the send made while the broker is down must wait for it, not fail.
            Map<String, Object> properties = Map.of("bootstrap.servers", bootstrap, "delivery.timeout.ms", 300_000,
                    "max.block.ms", 300_000, "request.timeout.ms", 30_000);
            try (var producer = new KafkaProducer<>(properties, new StringSerializer(), new StringSerializer())) {
                producer.send(new ProducerRecord<>("restart", "before")).get(30, TimeUnit.SECONDS);
                kafka.stopBroker();
                // send() itself may block waiting for metadata while the broker is away: call it off this thread.
                var pending = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                    try {
                        return producer.send(new ProducerRecord<>("restart", "during")).get();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
                kafka.restartBroker();
                RecordMetadata during = pending.get(240, TimeUnit.SECONDS);
                assertThat(during.offset()).isEqualTo(1);
            }
            assertThat(kafka.bootstrapServers()).isEqualTo(bootstrap);
        }
    }
}
