package io.rigstream.embedded;

/** A real MQTT 3.1.1/5 broker on loopback, started for tests, the demo or a benchmark, and stopped on close. */
public interface MqttBroker extends AutoCloseable {

    /** {@code tcp://127.0.0.1:<port>}, as Paho expects it. */
    String serverUri();

    /** Which broker this is, for reports and test names. */
    String description();

    @Override
    void close();
}
