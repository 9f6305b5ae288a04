package io.rigstream.benchmarks.pipeline;

import io.rigstream.benchmarks.StageMeter;
import java.util.Map;

/**
 * One level's figures. Throughputs in readings/s, latencies in ms.
 *
 * @param bridgeStage    readings over the time until the bridge had every reading acknowledged by Kafka
 * @param topologyStage  readings over the time until the topology had committed every reading, in the pipeline
 * @param topologyCatchUp readings over the time a fresh topology took to commit the complete input, as the
 *                       pass-through baseline does
 * @param endToEnd       readings over the time until every equipment's last reading showed in the topology's output
 * @param stages         CPU and allocation per stage during the pipeline run
 * @param stateBytes     the topology's local state (RocksDB and checkpoints) after the run
 */
record LevelResult(int equipment, long readings, double bareProducer, double bareSubscriber, double passThrough,
        double bridgeStage, double topologyStage, double topologyCatchUp, double endToEnd, double p50Millis, double p99Millis,
        Map<String, StageMeter.Usage> stages, long stateBytes, long heapAfterGcBytes) {

    double bridgeRatio() {
        return bridgeStage / Math.min(bareProducer, bareSubscriber);
    }

    double topologyRatio() {
        return topologyCatchUp / passThrough;
    }

    double endToEndRatio() {
        return endToEnd / Math.min(passThrough, Math.min(bareProducer, bareSubscriber));
    }

    double cpuPer10k(String stage) {
        StageMeter.Usage usage = stages.get(stage);
        return usage == null ? 0 : usage.cpuSeconds() / readings * 10_000;
    }

    double allocatedPerReading(String stage) {
        StageMeter.Usage usage = stages.get(stage);
        return usage == null ? 0 : (double) usage.allocatedBytes() / readings;
    }
}
