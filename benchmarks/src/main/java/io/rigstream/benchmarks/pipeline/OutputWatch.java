package io.rigstream.benchmarks.pipeline;

import io.rigstream.benchmarks.bridge.GatewayFleet;
import io.rigstream.benchmarks.bridge.Workload;
import io.rigstream.schemas.EquipmentState;
import io.rigstream.schemas.registry.SchemaRegistryClient;
import io.rigstream.schemas.topics.Topics;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Watches the topology's output the way a dashboard would: the equipment-state topic, read committed. Each state
 * record names the device time of the newest reading it reflects, which identifies that reading and so its message's
 * publish time: publish to visible output is the end-to-end latency. Done when every equipment's last reading shows.
 */
final class OutputWatch implements AutoCloseable {

    private final Workload workload;
    private final int readingsPerEquipment;
    private final KafkaConsumer<String, EquipmentState> consumer;
    private final Thread thread;
    private final long[] newestSeq;
    private final CountDownLatch finished;
    private long[] messages = new long[1 << 16];
    private long[] arrivals = new long[1 << 16];
    private int samples;
    private volatile long finishedNanos;
    private volatile boolean running = true;

    OutputWatch(String bootstrapServers, SchemaRegistryClient registry, Workload workload, int equipment,
            int readingsPerEquipment) {
        this.workload = workload;
        this.readingsPerEquipment = readingsPerEquipment;
        this.newestSeq = new long[equipment];
        Arrays.fill(newestSeq, -1);
        this.finished = new CountDownLatch(equipment);
        this.consumer = new KafkaConsumer<>(Map.of("bootstrap.servers", bootstrapServers, "isolation.level", "read_committed",
                "enable.auto.commit", false, "max.poll.records", 5000), new StringDeserializer(),
                Topics.EQUIPMENT_STATE.valueSerde(registry).deserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(Topics.EQUIPMENT_STATE.name()).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        this.thread = new Thread(this::watch, "bench-watch");
        thread.start();
    }

    private void watch() {
        while (running) {
            for (ConsumerRecord<String, EquipmentState> record : consumer.poll(Duration.ofMillis(100))) {
                long now = System.nanoTime();
                int gateway = Workload.gatewayOfKey(record.key());
                long seq = workload.seqAt(record.value().getLastDeviceTs().toEpochMilli());
                note(workload.message(gateway, seq), now);
                if (seq > newestSeq[gateway]) {
                    newestSeq[gateway] = seq;
                    if (seq == readingsPerEquipment - 1) {
                        finishedNanos = now;
                        finished.countDown();
                    }
                }
            }
        }
        consumer.close();
    }

    private void note(long message, long arrivalNanos) {
        if (samples == messages.length) {
            messages = Arrays.copyOf(messages, samples * 2);
            arrivals = Arrays.copyOf(arrivals, samples * 2);
        }
        messages[samples] = message;
        arrivals[samples++] = arrivalNanos;
    }

    /** Waits until every equipment's last reading is visible; returns when that was, in {@link System#nanoTime()}. */
    long awaitAllVisible(Duration timeout) throws InterruptedException {
        if (!finished.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException(finished.getCount() + " equipment never showed their last reading within "
                    + timeout);
        }
        return finishedNanos;
    }

    /** Publish-to-output latency of every state record seen, ms; call after {@link #close()}. */
    double[] latenciesMillis(GatewayFleet.PublishTimes times) {
        double[] latencies = new double[samples];
        for (int i = 0; i < samples; i++) {
            latencies[i] = (arrivals[i] - times.nanos((int) messages[i])) / 1e6;
        }
        return latencies;
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join(TimeUnit.SECONDS.toMillis(30));
    }
}
