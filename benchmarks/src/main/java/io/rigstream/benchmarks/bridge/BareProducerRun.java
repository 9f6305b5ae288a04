package io.rigstream.benchmarks.bridge;

import io.rigstream.ingest.config.IngestConfig;
import io.rigstream.ingest.forward.MessageForwarder;
import io.rigstream.ingest.mapping.PayloadMapper;
import io.rigstream.schemas.TelemetryReading;
import io.rigstream.schemas.topics.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Baseline 1: the round's readings, mapped beforehand, serialized and sent by one thread through a bare producer with
 * the bridge's producer settings, keys and headers. No MQTT. Latency is send to Kafka's acknowledgement.
 */
public final class BareProducerRun {

    private BareProducerRun() {
    }

    public static Result run(BenchEnvironment env, String round) throws Exception {
        IngestConfig config = env.config("bench-producer-" + round);
        Workload workload = env.workload();
        PayloadMapper mapper = new PayloadMapper(config.topicTemplate(), config.limits(), Clock.systemUTC());
        List<TelemetryReading> readings = new ArrayList<>();
        for (int i = 0; i < workload.messages(); i++) {
            readings.addAll(mapper.map(Workload.topic(round, workload.gateway(i)), workload.payload(i)).accepted());
        }
        Serializer<TelemetryReading> serializer = Topics.READINGS.valueSerde(config.common().schemaRegistry()).serializer();
        String topic = Topics.READINGS.name();
        double[] latencies = new double[readings.size()];
        CountDownLatch done = new CountDownLatch(readings.size());
        AtomicLong failures = new AtomicLong();
        String caller = Thread.currentThread().getName();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config.producerProperties(), new StringSerializer(),
                new ByteArraySerializer())) {
            producer.partitionsFor(topic);
            CpuMeter.Snapshot before = CpuMeter.snapshot();
            long start = System.nanoTime();
            Pacer pacer = new Pacer(env.options().rate());
            for (int i = 0; i < readings.size(); i++) {
                pacer.await(i);
                TelemetryReading reading = readings.get(i);
                RecordHeaders headers = new RecordHeaders();
                headers.add(MessageForwarder.HEADER_MQTT_TOPIC, Workload.topic(round, 0).getBytes(StandardCharsets.UTF_8));
                headers.add(MessageForwarder.HEADER_RECEIVED_TS, Long.toString(System.currentTimeMillis()).getBytes(StandardCharsets.UTF_8));
                headers.add(MessageForwarder.HEADER_PAYLOAD_VERSION, new byte[] {'1'});
                int index = i;
                long sent = System.nanoTime();
                producer.send(new ProducerRecord<>(topic, null, System.currentTimeMillis(),
                        reading.getTenant() + "/" + reading.getEquipmentId(), serializer.serialize(topic, reading), headers),
                        (metadata, error) -> {
                            if (error != null) {
                                failures.incrementAndGet();
                            }
                            latencies[index] = (System.nanoTime() - sent) / 1e6;
                            done.countDown();
                        });
            }
            if (!done.await(10, TimeUnit.MINUTES) || failures.get() > 0) {
                throw new IllegalStateException("Bare producer: " + done.getCount() + " sends unanswered, " + failures.get() + " failed");
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            CpuMeter.Snapshot after = CpuMeter.snapshot();
            Predicate<String> client = name -> name.equals(caller) || name.contains("bench-producer-" + round);
            return new Result("bare Kafka producer", readings.size(), seconds, Result.quantile(latencies, 0.5),
                    Result.quantile(latencies, 0.99),
                    CpuMeter.threadSeconds(before, after, client),
                    CpuMeter.processSeconds(before, after), CpuMeter.byThread(before, after, client));
        }
    }
}
