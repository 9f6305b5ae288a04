package io.rigstream.odoo.sink.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rigstream.odoo.sink.Fixtures;
import io.rigstream.runtime.config.ConfigInput;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OdooSinkConfigTest {

    private static Map<String, String> live() {
        Map<String, String> values = new HashMap<>();
        values.put("odoo.mode", "live");
        values.put("odoo.url", "https://erp.example.com");
        values.put("odoo.database", "fleet");
        values.put("odoo.username", "rigstream-bot");
        values.put("odoo.api-key", "s3cret-key");
        return values;
    }

    @Test
    void theDefaultsFollowTheCapacityNotes() {
        OdooSinkConfig config = Fixtures.config(Map.of());

        assertThat(config.throttle().requestsPerSecond()).isEqualTo(5.0);
        assertThat(config.throttle().maxConcurrentRequests()).isEqualTo(2);
        assertThat(config.batch().maxRecords()).isEqualTo(100);
        assertThat(config.batch().linger()).isEqualTo(Duration.ofSeconds(2));
        assertThat(config.connection().protocol()).isEqualTo(Protocol.AUTO);
        assertThat(config.mapping().unknownEquipment()).isEqualTo(UnknownPolicy.DEAD_LETTER);
        assertThat(config.mapping().unknownJob()).isEqualTo(UnknownPolicy.DEAD_LETTER);
        assertThat(config.topics().deadLetter()).isEqualTo("rigstream.odoo.rejected");
    }

    @Test
    void theModeMustBeChosenSoAForgottenSettingCannotSkipOdooSilently() {
        assertThatThrownBy(() -> OdooSinkConfig.from(ConfigInput.ofValues(Map.of("schema.registry.url", "mock://x",
                "schema.registry.allow-mock", "true")))).isInstanceOf(ConfigException.class).hasMessageContaining("odoo.mode");
        assertThatThrownBy(() -> Fixtures.config(Map.of("odoo.mode", "maybe")))
                .hasMessageContaining("odoo.mode").hasMessageContaining("dry-run, live");
    }

    @Test
    void liveModeNeedsWhereOdooIsAndWhoToBe() {
        for (String key : new String[] {"odoo.url", "odoo.api-key", "odoo.database", "odoo.username"}) {
            Map<String, String> values = live();
            values.remove(key);
            assertThatThrownBy(() -> Fixtures.config(values)).isInstanceOf(ConfigException.class).hasMessageContaining(key);
        }
        Map<String, String> json2 = live();
        json2.put("odoo.protocol", "json2");
        json2.remove("odoo.username");
        assertThat(Fixtures.config(json2).connection().protocol()).isEqualTo(Protocol.JSON2);
    }

    @Test
    void theApiKeyIsReadFromAFileAndNeverPrinted(@TempDir Path dir) throws Exception {
        Path secret = dir.resolve("api-key");
        Files.writeString(secret, "from-the-file\n");
        Map<String, String> values = live();
        values.put("odoo.api-key", "file:" + secret);

        OdooConnection connection = Fixtures.config(values).connection();

        assertThat(connection.apiKey().value()).isEqualTo("from-the-file");
        assertThat(connection.toString()).doesNotContain("from-the-file").contains("[hidden]");
    }

    @Test
    void aBadUrlIsRefusedWithTheKeyNamed() {
        Map<String, String> values = live();
        values.put("odoo.url", "erp.example.com");
        assertThatThrownBy(() -> Fixtures.config(values)).hasMessageContaining("odoo.url").hasMessageContaining("http");
    }

    @Test
    void aBatchLargerThanTheBufferIsRefused() {
        assertThatThrownBy(() -> Fixtures.config(Map.of("odoo.batch.max-records", "500", "odoo.buffer.max-records", "100")))
                .hasMessageContaining("odoo.buffer.max-records").hasMessageContaining("odoo.batch.max-records");
    }

    @Test
    void theDeploymentsRatesAreSplitOverItsReplicas() {
        ThrottleSettings throttle = Fixtures.config(Map.of("odoo.rate.replicas", "2", "odoo.rate.requests-per-second", "6",
                "odoo.rate.records-per-second", "300", "odoo.max-concurrent-requests", "4")).throttle();

        assertThat(throttle.requestsPerSecond()).isEqualTo(3.0);
        assertThat(throttle.recordsPerSecond()).isEqualTo(150.0);
        assertThat(throttle.maxConcurrentRequests()).isEqualTo(2);
        assertThatThrownBy(() -> Fixtures.config(Map.of("odoo.rate.replicas", "3", "odoo.max-concurrent-requests", "2")))
                .hasMessageContaining("odoo.max-concurrent-requests");
    }

    @Test
    void eachTopicHasItsOwnRecordTypeSoTheyMustDiffer() {
        assertThatThrownBy(() -> Fixtures.config(Map.of("odoo.topic.downtime", "rigstream.maintenance.triggers")))
                .hasMessageContaining("odoo.topic.downtime");
    }

    @Test
    void aTypoInAKeyFailsStartUp() {
        assertThatThrownBy(() -> Fixtures.config(Map.of("odoo.batch.max-record", "10"))).hasMessageContaining("odoo.batch.max-record");
    }

    @Test
    void projectPatternsMustDependOnTheJob() {
        assertThatThrownBy(() -> Fixtures.config(Map.of("odoo.project.name-pattern", "Rentals")))
                .hasMessageContaining("odoo.project.name-pattern").hasMessageContaining("{job}");
    }

    @Test
    void kafkaClientSettingsPassThroughByPrefix() {
        OdooSinkConfig config = Fixtures.config(Map.of("kafka.consumer.max.poll.records", "50", "kafka.producer.linger.ms", "5"));

        assertThat(config.consumerOverrides()).containsEntry("max.poll.records", "50");
        assertThat(config.producerOverrides()).containsEntry("linger.ms", "5");
    }

    @Test
    void everyKeyIsDocumented() {
        OdooSinkConfig.definition().configKeys().values().forEach(key -> assertThat(key.documentation).as(key.name).isNotBlank());
    }
}
