package io.rigstream.ingest.mqtt;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Sends PUBACKs in the order the PUBLISH packets arrived, as MQTT requires of a QoS 1 receiver, even though Kafka
 * confirms the records of different partitions in any order: a message that is done waits for those before it.
 */
public final class InOrderAcknowledger {

    /** Sends the PUBACK of one message; called on whichever thread completes the head of the line. */
    @FunctionalInterface
    public interface AckSender {
        void acknowledge(int messageId, int qos);
    }

    /** One received message awaiting its Kafka confirmations. */
    public final class Pending {
        private final int messageId;
        private final int qos;
        private final long arrivedNanos;
        private boolean done;

        private Pending(int messageId, int qos, long arrivedNanos) {
            this.messageId = messageId;
            this.qos = qos;
            this.arrivedNanos = arrivedNanos;
        }

        /** Marks this message durable in Kafka; acknowledges it and any completed successors at the head. */
        public void complete() {
            InOrderAcknowledger.this.complete(this);
        }

        public long arrivedNanos() {
            return arrivedNanos;
        }
    }

    private final AckSender sender;
    private final Deque<Pending> line = new ArrayDeque<>();

    public InOrderAcknowledger(AckSender sender) {
        this.sender = sender;
    }

    /** Registers a message at the back of the line, in arrival order. */
    public synchronized Pending arrived(int messageId, int qos, long arrivedNanos) {
        Pending pending = new Pending(messageId, qos, arrivedNanos);
        line.addLast(pending);
        return pending;
    }

    public synchronized int inFlight() {
        return line.size();
    }

    /**
     * Forgets the line after the connection dropped: the broker redelivers every unacknowledged message of the
     * persistent session on reconnect, and PUBACKs for the old packet ids must not be sent on the new connection.
     */
    public synchronized void connectionLost() {
        line.clear();
    }

    private synchronized void complete(Pending pending) {
        pending.done = true;
        while (!line.isEmpty() && line.peekFirst().done) {
            Pending head = line.pollFirst();
            if (head.qos > 0) {
                sender.acknowledge(head.messageId, head.qos);
            }
        }
    }
}
