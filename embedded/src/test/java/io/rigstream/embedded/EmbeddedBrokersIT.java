package io.rigstream.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class EmbeddedBrokersIT {

    @RegisterExtension
    static final EmbeddedBrokers BROKERS = EmbeddedBrokers.kafkaAndMqtt();

    @Test
    void kafkaBrokerAcceptsAndServesRecordsOverLoopback() throws Exception {
        try (Admin admin = BROKERS.kafka().admin()) {
            admin.createTopics(List.of(new NewTopic("probe", 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
        Map<String, Object> common = Map.of("bootstrap.servers", BROKERS.kafka().bootstrapServers());
        try (var producer = new KafkaProducer<>(common, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>("probe", "k", "hello")).get(30, TimeUnit.SECONDS);
        }
        Map<String, Object> consumerProps = new java.util.HashMap<>(common);
        consumerProps.put("group.id", "probe");
        consumerProps.put("auto.offset.reset", "earliest");
        try (var consumer = new KafkaConsumer<>(consumerProps, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of("probe"));
            List<String> values = new java.util.ArrayList<>();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (values.isEmpty() && System.nanoTime() < deadline) {
                ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(200));
                records.forEach(r -> values.add(r.value()));
            }
            assertThat(values).containsExactly("hello");
        }
    }

    @Test
    void mqttBrokerDeliversAQos1MessageBetweenRealClients() throws Exception {
        CompletableFuture<String> received = new CompletableFuture<>();
        MqttConnectionOptions options = new MqttConnectionOptions();
        MqttClient subscriber = new MqttClient(BROKERS.mqtt().serverUri(), "probe-sub", null);
        MqttClient publisher = new MqttClient(BROKERS.mqtt().serverUri(), "probe-pub", null);
        try {
            subscriber.connect(options);
            subscriber.subscribe(new org.eclipse.paho.mqttv5.common.MqttSubscription[] {
                    new org.eclipse.paho.mqttv5.common.MqttSubscription("fleet/+/+/telemetry", 1)},
                    new org.eclipse.paho.mqttv5.client.IMqttMessageListener[] {
                            (topic, message) -> received.complete(topic + " " + new String(message.getPayload(), StandardCharsets.UTF_8))});
            publisher.connect(options);
            MqttMessage message = new MqttMessage("{}".getBytes(StandardCharsets.UTF_8));
            message.setQos(1);
            publisher.publish("fleet/acme/EX-1/telemetry", message);
            assertThat(received.get(30, TimeUnit.SECONDS)).isEqualTo("fleet/acme/EX-1/telemetry {}");
        } finally {
            publisher.disconnect();
            publisher.close();
            subscriber.disconnect();
            subscriber.close();
        }
    }
}
