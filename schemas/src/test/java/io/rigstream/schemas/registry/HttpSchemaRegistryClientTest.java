package io.rigstream.schemas.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rigstream.embedded.EmbeddedSchemaRegistry;
import io.rigstream.schemas.EquipmentAssignment;
import io.rigstream.schemas.TelemetryReading;
import io.rigstream.schemas.wire.AvroWireSerde;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class HttpSchemaRegistryClientTest {

    private static EmbeddedSchemaRegistry server;

    @BeforeAll
    static void start() {
        server = EmbeddedSchemaRegistry.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static HttpSchemaRegistryClient client() {
        return new HttpSchemaRegistryClient(server.url(), Optional.empty(), Duration.ofSeconds(5));
    }

    @Test
    void registersAndLooksUpOverHttp() {
        int id = client().register("readings-value", TelemetryReading.getClassSchema());
        assertThat(client().schemaById(id)).isEqualTo(TelemetryReading.getClassSchema());
    }

    @Test
    void aSecondClientSeesTheFirstClientsIdsAsAnotherProcessWould() {
        AvroWireSerde<TelemetryReading> writer = AvroWireSerde.forValues(client(), TelemetryReading.class);
        AvroWireSerde<TelemetryReading> reader = AvroWireSerde.forValues(client(), TelemetryReading.class);
        TelemetryReading reading = TelemetryReading.newBuilder().setTenant("acme").setEquipmentId("EX-1")
                .setDeviceTs(Instant.ofEpochMilli(5)).setReceivedTs(Instant.ofEpochMilli(6)).build();
        assertThat(reader.deserializer().deserialize("x", writer.serializer().serialize("x", reading))).isEqualTo(reading);
    }

    @Test
    void cachesBothWaysSoTheHotPathStaysInTheJvm() {
        HttpSchemaRegistryClient client = client();
        int id = client.register("assignments-value", EquipmentAssignment.getClassSchema());
        int before = server.requestCount();
        for (int i = 0; i < 100; i++) {
            client.register("assignments-value", EquipmentAssignment.getClassSchema());
            client.schemaById(id);
        }
        assertThat(server.requestCount()).isEqualTo(before);
    }

    @Test
    void unknownIdIsA404WithTheRegistrysErrorCode() {
        assertThatThrownBy(() -> client().schemaById(999_999))
                .isInstanceOfSatisfying(SchemaRegistryException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(404);
                    assertThat(e.errorCode()).isEqualTo(40403);
                    assertThat(e.retriable()).isFalse();
                });
    }

    @Test
    void refusalNamesTheStatusAndTheRegistrysMessage() {
        assertThatThrownBy(() -> new HttpSchemaRegistryClient(server.url() + "/not-there", Optional.empty(),
                Duration.ofSeconds(5)).register("x-value", TelemetryReading.getClassSchema()))
                .isInstanceOfSatisfying(SchemaRegistryException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(404);
                    assertThat(e.getMessage()).contains("HTTP 404").contains("subject x-value");
                });
    }

    @Test
    void unreachableRegistryIsRetriable() {
        HttpSchemaRegistryClient client = new HttpSchemaRegistryClient("http://127.0.0.1:1", Optional.empty(), Duration.ofSeconds(2));
        assertThatThrownBy(() -> client.schemaById(1))
                .isInstanceOfSatisfying(SchemaRegistryException.class, e -> assertThat(e.retriable()).isTrue());
    }

    @Test
    void urlSchemeChoosesTheBackend() {
        assertThat(SchemaRegistries.forUrl("mock://x", Optional.empty(), Duration.ofSeconds(1))).isInstanceOf(InMemorySchemaRegistry.class);
        assertThat(SchemaRegistries.forUrl("https://r:8081", Optional.empty(), Duration.ofSeconds(1))).isInstanceOf(HttpSchemaRegistryClient.class);
        assertThatThrownBy(() -> SchemaRegistries.forUrl("ftp://r", Optional.empty(), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("mock://, http:// or https://");
    }
}
