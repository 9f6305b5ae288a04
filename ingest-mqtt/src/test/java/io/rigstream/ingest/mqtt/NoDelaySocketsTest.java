package io.rigstream.ingest.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import io.rigstream.ingest.config.IngestConfig;
import io.rigstream.runtime.config.ConfigInput;
import java.net.Socket;
import java.util.Map;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import org.junit.jupiter.api.Test;

class NoDelaySocketsTest {

    private static IngestConfig.Mqtt mqtt(String serverUris) {
        return IngestConfig.load(ConfigInput.ofValues(Map.of("schema.registry.url", "mock://no-delay",
                "schema.registry.allow-mock", "true", "mqtt.server-uris", serverUris))).mqtt();
    }

    @Test
    void plainBrokerSocketsHaveNagleSwitchedOff() throws Exception {
        try (Socket socket = MqttGatewaySubscriber.socketFactory(mqtt("tcp://broker:1883")).createSocket()) {
            assertThat(socket).isNotInstanceOf(SSLSocket.class);
            assertThat(socket.getTcpNoDelay()).isTrue();
        }
    }

    @Test
    void sslBrokerSocketsAreTlsWithNagleSwitchedOff() throws Exception {
        var factory = MqttGatewaySubscriber.socketFactory(mqtt("ssl://broker:8883"));
        assertThat(factory).isInstanceOf(SSLSocketFactory.class);
        try (Socket socket = factory.createSocket()) {
            assertThat(socket).isInstanceOf(SSLSocket.class);
            assertThat(socket.getTcpNoDelay()).isTrue();
        }
    }
}
