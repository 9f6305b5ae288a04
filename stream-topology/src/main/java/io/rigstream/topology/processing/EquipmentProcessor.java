package io.rigstream.topology.processing;

import io.rigstream.schemas.topics.TopicDescriptor;
import io.rigstream.schemas.topics.Topics;
import io.rigstream.topology.TopologyConfig;
import io.rigstream.topology.model.AssignmentHistory;
import io.rigstream.topology.model.AssignmentInterval;
import io.rigstream.topology.processing.Input.ReadingInput;
import io.rigstream.topology.state.EquipmentStatus;
import java.time.Duration;
import java.util.Set;
import java.util.function.LongFunction;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.processor.Cancellable;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.StoreBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything per equipment, in the task that owns its partition: readings in, figures and events out. Work driven
 * by time runs on wall-clock punctuation so that a partition whose gateways fell silent still closes its days; the
 * close time is the partition's stream time, or the wall clock once the task has been idle for a punctuation
 * interval (a task that is busy catching up closes days by the data, not by the clock).
 */
public final class EquipmentProcessor implements Processor<String, Input, String, Output> {

    /** Longest a punctuation works before Streams may commit: well inside the transaction timeout (10 s under EOS). */
    static final Duration SLICE_BUDGET = Duration.ofSeconds(1);
    private static final Duration CONTINUATION = Duration.ofSeconds(1);
    private static final Logger LOG = LoggerFactory.getLogger(EquipmentProcessor.class);

    private final TopologyConfig config;
    private ProcessorContext<String, Output> context;
    private EquipmentStores stores;
    private ReadingIntake intake;
    private WindowPublisher publisher;
    private SilenceWatch silence;
    private Housekeeping housekeeping;
    private long streamTime = Long.MIN_VALUE;
    private long lastRecordWallClock;

    private EquipmentProcessor(TopologyConfig config) {
        this.config = config;
    }

    public static ProcessorSupplier<String, Input, String, Output> supplier(TopologyConfig config) {
        return new ProcessorSupplier<>() {
            @Override
            public Processor<String, Input, String, Output> get() {
                return new EquipmentProcessor(config);
            }

            @Override
            public Set<StoreBuilder<?>> stores() {
                return EquipmentStores.builders();
            }
        };
    }

    @Override
    public void init(ProcessorContext<String, Output> context) {
        this.context = context;
        this.stores = new EquipmentStores(context);
        Emitter emitter = new Emitter() {
            @Override
            public <V extends SpecificRecord> void emit(TopicDescriptor<V> topic, String key, V value, long timestamp) {
                context.forward(new Record<>(key, new Output(topic, value), timestamp));
            }
        };
        this.intake = new ReadingIntake(config, stores, emitter);
        this.publisher = new WindowPublisher(config, stores, emitter);
        this.silence = new SilenceWatch(config, emitter);
        this.housekeeping = new Housekeeping(config, stores, publisher);
        this.lastRecordWallClock = context.currentSystemTimeMs();
        Rounds publication = new Rounds("publication", config.punctuationInterval(),
                now -> publishing(closeTime(now), now));
        Rounds purge = new Rounds("purge", config.purgeInterval(), now -> purging(closeTime(now)));
        context.schedule(config.punctuationInterval(), PunctuationType.WALL_CLOCK_TIME, publication::due);
        context.schedule(config.purgeInterval(), PunctuationType.WALL_CLOCK_TIME, purge::due);
    }

    @Override
    public void process(Record<String, Input> record) {
        lastRecordWallClock = context.currentSystemTimeMs();
        String equipment = record.key();
        try {
            if (record.value() instanceof ReadingInput r) {
                intake.accept(equipment, r.reading(), r.history(), r.profile());
                streamTime = Math.max(streamTime, r.reading().getDeviceTs().toEpochMilli());
            } else {
                everythingChanged(equipment);
            }
        } catch (RuntimeException e) {
            // the processing exception handler may skip the record and go on: the store has the status as it was
            stores.statuses.forget(equipment);
            throw e;
        }
    }

    /** Reference data applies to every window, so all that may still change is recomputed. */
    private void everythingChanged(String equipment) {
        EquipmentStatus status = stores.statuses.get(equipment);
        if (status == null) {
            status = new EquipmentStatus(config.seqWindow());
        }
        status.markDirty(Long.MIN_VALUE, Long.MAX_VALUE);
        stores.statuses.put(equipment, status);
    }

    private long closeTime(long now) {
        boolean idle = now - lastRecordWallClock >= config.punctuationInterval().toMillis();
        return idle ? Math.max(streamTime, now) : streamTime;
    }

    private SlicedRound.Visitor<EquipmentStatus> publishing(long closeTime, long now) {
        return (equipment, status) -> {
            AssignmentHistory history = stores.history(equipment);
            publisher.publish(equipment, status, history, closeTime);
            silence.check(equipment, status, history, now);
            if (status.takeStateChanged()) {
                String job = history.at(status.latest().lastDeviceTs()).map(AssignmentInterval::jobId).orElse(null);
                context.forward(new Record<>(equipment, new Output(Topics.EQUIPMENT_STATE,
                        EventRecords.state(equipment, status.latest(), job)), status.latest().lastDeviceTs()));
            }
            if (status.takeModified()) {
                stores.statuses.put(equipment, status);
            }
        };
    }

    private SlicedRound.Visitor<EquipmentStatus> purging(long closeTime) {
        return (equipment, status) -> housekeeping.purge(equipment, status, closeTime);
    }

    /**
     * A round over the task's equipment every interval, in slices of at most {@link #SLICE_BUDGET}; an unfinished
     * round goes on every {@link #CONTINUATION} until it is done.
     */
    private final class Rounds {
        private final String name;
        private final Duration interval;
        private final LongFunction<SlicedRound.Visitor<EquipmentStatus>> visitorAt;
        private final SlicedRound<EquipmentStatus> round = new SlicedRound<>(stores.statuses::after,
                SLICE_BUDGET.toNanos(), System::nanoTime);
        private Cancellable continuation;

        Rounds(String name, Duration interval, LongFunction<SlicedRound.Visitor<EquipmentStatus>> visitorAt) {
            this.name = name;
            this.interval = interval;
            this.visitorAt = visitorAt;
        }

        void due(long now) {
            if (round.underWay()) {
                LOG.warn("Task {}: the {} round over its equipment takes longer than its interval ({}); spread the "
                        + "equipment over more partitions and instances", context.taskId(), name, interval);
                return;
            }
            slice(now);
        }

        private void slice(long now) {
            if (round.slice(visitorAt.apply(now))) {
                if (continuation != null) {
                    continuation.cancel();
                    continuation = null;
                }
            } else if (continuation == null) {
                continuation = context.schedule(CONTINUATION, PunctuationType.WALL_CLOCK_TIME, this::slice);
            }
        }
    }
}
