package io.rigstream.ingest.metrics;

/** What the bridge reports about itself; tags stay bounded (reason codes, never equipment ids). */
public interface IngestMetrics {

    void messageReceived(int payloadBytes);

    void readingForwarded();

    void readingRejected(String reason);

    void kafkaSendLatency(long nanos);

    void mqttAckLatency(long nanos);

    void kafkaSendFailed();

    void reconnected();
}
