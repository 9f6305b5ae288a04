package io.rigstream.ingest.mqtt;

/** What the bridge does with one gateway message; must not block, and must eventually complete {@code ack}. */
@FunctionalInterface
public interface GatewayMessageHandler {
    void onMessage(String topic, byte[] payload, InOrderAcknowledger.Pending ack);
}
