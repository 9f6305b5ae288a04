package io.rigstream.topology.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rigstream.runtime.config.CommonConfig;
import io.rigstream.runtime.config.ConfigInput;
import io.rigstream.runtime.config.ServiceConfigParser;
import io.rigstream.schemas.registry.InMemorySchemaRegistry;
import io.rigstream.topology.TopologyConfig;
import io.rigstream.topology.metrics.TopologyMetrics;
import io.rigstream.topology.rocksdb.BoundedMemoryRocksDBConfig;
import java.time.Duration;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

class TopologySettingsTest {

    private static AbstractConfig parse(Map<String, String> values) {
        Map<String, String> all = new HashMap<>(values);
        all.put(CommonConfig.SCHEMA_REGISTRY_URL, "mock://settings-test");
        all.put(CommonConfig.SCHEMA_REGISTRY_ALLOW_MOCK, "true");
        ConfigDef definition = TopologySettings.define(CommonConfig.define(new ConfigDef(), 8083));
        return ServiceConfigParser.parse(definition, CommonConfig.passThroughPrefixes(TopologySettings.STREAMS_PREFIX),
                ConfigInput.ofValues(all));
    }

    private static TopologyConfig topology(AbstractConfig parsed) {
        return TopologySettings.topologyConfig(parsed, InMemorySchemaRegistry.scope("settings-test"), TopologyMetrics.NONE);
    }

    @Test
    void theDefaultsAreTheIssues() {
        TopologyConfig config = topology(parse(Map.of()));
        assertThat(config.latenessHorizon()).isEqualTo(Duration.ofDays(7));
        assertThat(config.grace()).isEqualTo(Duration.ofHours(2));
        assertThat(config.maxGap()).isEqualTo(Duration.ofMinutes(15));
        assertThat(config.silenceAfter()).isEqualTo(Duration.ofMinutes(30));
        assertThat(config.fuelDropThresholdPct()).isEqualTo(5.0);
        assertThat(config.maxSpeedKmh()).isEqualTo(120.0);
        assertThat(config.fleetTimeZone()).isEqualTo(ZoneId.of("UTC"));
    }

    @Test
    void durationsAreIso8601AndABadOneNamesItsKey() {
        assertThat(topology(parse(Map.of(TopologySettings.GRACE, "PT90M"))).grace()).isEqualTo(Duration.ofMinutes(90));
        assertThatThrownBy(() -> parse(Map.of(TopologySettings.GRACE, "2h")))
                .isInstanceOf(ConfigException.class).hasMessageContaining(TopologySettings.GRACE);
    }

    @Test
    void anUnknownZoneNamesItsKey() {
        assertThatThrownBy(() -> parse(Map.of(TopologySettings.FLEET_TIME_ZONE, "Europe/Atlantis")))
                .isInstanceOf(ConfigException.class).hasMessageContaining(TopologySettings.FLEET_TIME_ZONE);
    }

    @Test
    void crossFieldChecksFailStartUpWithTheirReason() {
        assertThatThrownBy(() -> topology(parse(Map.of(TopologySettings.LATENESS_HORIZON, "PT12H"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("latenessHorizon");
    }

    @Test
    void streamsPropertiesLayerServiceKeysUnderThePassThrough() {
        AbstractConfig parsed = parse(Map.of(TopologySettings.STANDBY_REPLICAS, "1",
                TopologySettings.ADVERTISED_HOST, "topology-0.topology",
                "kafka.streams.commit.interval.ms", "500",
                "kafka.streams.num.standby.replicas", "2"));
        Properties props = TopologySettings.streamsProperties(parsed, CommonConfig.from(parsed), 8083);
        assertThat(props.get(StreamsConfig.APPLICATION_SERVER_CONFIG)).isEqualTo("topology-0.topology:8083");
        assertThat(props.get("commit.interval.ms")).isEqualTo("500");
        assertThat(props.get(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG)).isEqualTo("2");
        assertThat(props.get(BoundedMemoryRocksDBConfig.MEMORY_BYTES_CONFIG)).isEqualTo(BoundedMemoryRocksDBConfig.DEFAULT_MEMORY_BYTES);
        assertThat(props.get("bootstrap.servers")).isEqualTo("localhost:9092");
        assertThat(List.of(props.stringPropertyNames().toArray())).doesNotContain("application.id");
    }
}
