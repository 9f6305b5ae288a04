package io.rigstream.topology.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rigstream.runtime.management.HealthRegistry;
import io.rigstream.schemas.registry.InMemorySchemaRegistry;
import io.rigstream.topology.TopologyConfig;
import io.rigstream.topology.errors.DeadLetteringDeserializationHandler;
import io.rigstream.topology.errors.DeadLetteringProcessingHandler;
import io.rigstream.topology.errors.DeadLetters;
import io.rigstream.topology.errors.FailingProductionHandler;
import io.rigstream.topology.rocksdb.BoundedMemoryRocksDBConfig;
import java.nio.file.Path;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TopologyServiceTest {

    private final TopologyConfig config = TopologyConfig.builder(InMemorySchemaRegistry.scope("service-test")).build();

    @Test
    void exactlyOnceEveryHandlerBoundedRocksDbStatusCacheOneSecondCommitsNoIdlingAndExplicitNamingByDefault() {
        Properties effective = TopologyService.effectiveProperties(config, new Properties());
        assertThat(effective.get(StreamsConfig.PROCESSING_GUARANTEE_CONFIG)).isEqualTo(StreamsConfig.EXACTLY_ONCE_V2);
        assertThat(effective.get(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG))
                .isEqualTo(DeadLetteringDeserializationHandler.class);
        assertThat(effective.get(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG))
                .isEqualTo(DeadLetteringProcessingHandler.class);
        assertThat(effective.get(StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG))
                .isEqualTo(FailingProductionHandler.class);
        assertThat(effective.get(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG)).isEqualTo(BoundedMemoryRocksDBConfig.class);
        assertThat(effective.get(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG)).isEqualTo(128L * 1024 * 1024);
        assertThat(effective.get(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG)).isEqualTo(1000L);
        assertThat(effective.get(StreamsConfig.MAX_TASK_IDLE_MS_CONFIG)).isEqualTo(-1L);
        assertThat(effective.get(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG)).isEqualTo(true);
        assertThat(effective.get(StreamsConfig.APPLICATION_ID_CONFIG)).isEqualTo("rigstream-topology");
        assertThat(effective.get(DeadLetters.CONFIG)).isInstanceOf(DeadLetters.class);
    }

    @Test
    void givenPropertiesOverrideTheDefaults() {
        Properties given = new Properties();
        given.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.AT_LEAST_ONCE);
        given.put(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, 1);
        given.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 250);
        Properties effective = TopologyService.effectiveProperties(config, given);
        assertThat(effective.get(StreamsConfig.PROCESSING_GUARANTEE_CONFIG)).isEqualTo(StreamsConfig.AT_LEAST_ONCE);
        assertThat(effective.get(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG)).isEqualTo(1);
        assertThat(effective.get(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG)).isEqualTo(250);
    }

    @Test
    void anotherApplicationIdIsRefusedNamingBothPlaces() {
        Properties given = new Properties();
        given.put(StreamsConfig.APPLICATION_ID_CONFIG, "something-else");
        assertThatThrownBy(() -> TopologyService.effectiveProperties(config, given))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("something-else").hasMessageContaining("rigstream-topology");
    }

    @Test
    void aServiceNotYetRunningIsAliveButNotReady(@TempDir Path stateDir) {
        Properties given = new Properties();
        given.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:1");
        given.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        try (TopologyService service = new TopologyService(config, given)) {
            HealthRegistry health = new HealthRegistry();
            service.registerHealth(health);
            assertThat(service.isLive()).isTrue();
            assertThat(service.isReady()).isFalse();
            assertThat(HealthRegistry.allOk(health.live())).isTrue();
            assertThat(HealthRegistry.allOk(health.ready())).isFalse();
            assertThat(health.ready().get("kafka-streams").detail()).isEqualTo("CREATED");
            assertThat(service.interactiveQueries().self()).isEqualTo(HostInfo.unavailable());
        }
    }

    @Test
    void queriesKnowThisInstanceByItsApplicationServer(@TempDir Path stateDir) {
        Properties given = new Properties();
        given.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:1");
        given.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        given.put(StreamsConfig.APPLICATION_SERVER_CONFIG, "topology-1.rigstream:8082");
        try (TopologyService service = new TopologyService(config, given)) {
            assertThat(service.interactiveQueries().self()).isEqualTo(new HostInfo("topology-1.rigstream", 8082));
        }
    }
}
