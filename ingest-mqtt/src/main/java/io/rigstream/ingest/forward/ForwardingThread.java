package io.rigstream.ingest.forward;

import io.rigstream.ingest.mqtt.GatewayMessageHandler;
import io.rigstream.ingest.mqtt.InOrderAcknowledger;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands gateway messages from Paho's callback thread to one forwarding thread. Paho's thread must never block: it
 * also reads the socket, and a Kafka producer waiting for metadata during an outage would otherwise stall keep-alives
 * and drop the connection. The queue never fills in practice, because the broker sends at most the receive maximum of
 * unacknowledged messages; it is sized to that bound. One thread keeps each gateway's messages in order.
 */
public final class ForwardingThread implements GatewayMessageHandler, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ForwardingThread.class);

    private record Message(String topic, byte[] payload, InOrderAcknowledger.Pending ack) {
    }

    private final BlockingQueue<Message> queue;
    private final GatewayMessageHandler downstream;
    private final Thread thread;
    private volatile boolean running = true;

    public ForwardingThread(GatewayMessageHandler downstream, int capacity) {
        this.downstream = downstream;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.thread = new Thread(this::run, "ingest-forwarder");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void onMessage(String topic, byte[] payload, InOrderAcknowledger.Pending ack) {
        try {
            queue.put(new Message(topic, payload, ack));
        } catch (InterruptedException e) {
            // Not acknowledged: the broker redelivers it on the next connection.
            Thread.currentThread().interrupt();
        }
    }

    public int queued() {
        return queue.size();
    }

    private void run() {
        while (running) {
            try {
                Message message = queue.take();
                downstream.onMessage(message.topic(), message.payload(), message.ack());
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                // The mapper never throws and the publisher retries; anything else is a bug that must not stop the
                // bridge. The message stays unacknowledged, so the broker redelivers it after a reconnect.
                LOG.error("Forwarding a gateway message failed unexpectedly", e);
            }
        }
    }

    /** Stops forwarding; queued messages stay unacknowledged and are redelivered to the next bridge. */
    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
