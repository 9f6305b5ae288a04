package io.rigstream.ingest.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class TopicTemplateTest {

    private final TopicTemplate defaultTemplate = TopicTemplate.parse(TopicTemplate.DEFAULT);

    @Test
    void defaultTemplateExtractsTenantAndEquipmentId() {
        assertThat(defaultTemplate.match("fleet/acme/EX-0042/telemetry"))
                .contains(new TopicAddress("acme", "EX-0042"));
    }

    @Test
    void kafkaKeyIsTenantSlashEquipmentId() {
        assertThat(new TopicAddress("acme", "EX-0042").kafkaKey()).isEqualTo("acme/EX-0042");
    }

    @Test
    void subscriptionFilterReplacesNamedLevelsWithSingleLevelWildcards() {
        assertThat(defaultTemplate.subscriptionFilter()).isEqualTo("fleet/+/+/telemetry");
    }

    @Test
    void namedLevelsMayComeInAnyOrderAndPosition() {
        TopicTemplate template = TopicTemplate.parse("{equipmentId}/data/{tenant}");

        assertThat(template.subscriptionFilter()).isEqualTo("+/data/+");
        assertThat(template.match("LD-0007/data/acme")).contains(new TopicAddress("acme", "LD-0007"));
    }

    @Test
    void leadingSlashAndEmptyLiteralLevelsAreKeptAsMqttDefinesThem() {
        TopicTemplate template = TopicTemplate.parse("/fleet//{tenant}/{equipmentId}");

        assertThat(template.subscriptionFilter()).isEqualTo("/fleet//+/+");
        assertThat(template.match("/fleet//acme/EX-1")).contains(new TopicAddress("acme", "EX-1"));
        assertThat(template.match("fleet//acme/EX-1")).isEmpty();
    }

    @Test
    void segmentsMayUseEveryAllowedCharacter() {
        assertThat(defaultTemplate.match("fleet/a.b_c-D9/Z.z_0-9/telemetry"))
                .contains(new TopicAddress("a.b_c-D9", "Z.z_0-9"));
    }

    @Test
    void segmentOf64CharactersMatchesAndOf65DoesNot() {
        String sixtyFour = "E".repeat(64);

        assertThat(defaultTemplate.match("fleet/acme/" + sixtyFour + "/telemetry"))
                .contains(new TopicAddress("acme", sixtyFour));
        assertThat(defaultTemplate.match("fleet/acme/" + sixtyFour + "E/telemetry")).isEmpty();
        assertThat(defaultTemplate.match("fleet/" + sixtyFour + "a/EX-1/telemetry")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "fleet/acme/EX-0042/status",        // other literal
            "Fleet/acme/EX-0042/telemetry",     // topics are case-sensitive
            "fleet/acme/telemetry",             // a level short
            "fleet/acme/EX-0042/telemetry/x",   // a level too many
            "fleet/acme/EX-0042/telemetry/",    // trailing empty level
            "fleet//EX-0042/telemetry",         // empty tenant
            "fleet/acme//telemetry",            // empty equipment id
            "fleet/ac me/EX-0042/telemetry",    // space
            "fleet/acme/EX+0042/telemetry",     // wildcard character
            "fleet/acme/#/telemetry",
            "fleet/acmé/EX-0042/telemetry",     // non-ASCII letter
            "fleet/acme/EX:0042/telemetry",
            "fleetx/acme/EX-0042/telemetry",
            "",
            "/"})
    void topicNotMatchingTheLayoutOrSegmentRulesMatchesNothing(String topic) {
        assertThat(defaultTemplate.match(topic)).isEmpty();
    }

    @Test
    void nullTopicMatchesNothing() {
        assertThat(defaultTemplate.match(null)).isEmpty();
    }

    @ParameterizedTest
    @NullAndEmptySource
    void emptyTemplateIsRefused(String template) {
        assertThatThrownBy(() -> TopicTemplate.parse(template))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must not be empty");
    }

    @ParameterizedTest
    @ValueSource(strings = {"fleet/{tenant}/telemetry", "fleet/{equipmentId}/telemetry", "fleet/telemetry"})
    void templateWithoutBothNamedLevelsIsRefused(String template) {
        assertThatThrownBy(() -> TopicTemplate.parse(template))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'" + template + "' must contain both {tenant} and {equipmentId}");
    }

    @Test
    void templateNamingALevelTwiceIsRefused() {
        assertThatThrownBy(() -> TopicTemplate.parse("{tenant}/{equipmentId}/{tenant}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("contains {tenant} twice");
    }

    @ParameterizedTest
    @ValueSource(strings = {"fleet/{site}/{tenant}/{equipmentId}", "fleet/x{tenant}/{equipmentId}",
            "fleet/{tenant}/{equipmentId}-raw", "fleet/{Tenant}/{tenant}/{equipmentId}"})
    void templateWithOtherNamedOrPartialLevelsIsRefused(String template) {
        assertThatThrownBy(() -> TopicTemplate.parse(template))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("only {tenant} and {equipmentId} may be named, each as a whole level");
    }

    @ParameterizedTest
    @ValueSource(strings = {"fleet/+/{tenant}/{equipmentId}", "fleet/{tenant}/{equipmentId}/#",
            "fleet/a+b/{tenant}/{equipmentId}", "fleet\u0000/{tenant}/{equipmentId}"})
    void templateWithWildcardsOrNulIsRefused(String template) {
        assertThatThrownBy(() -> TopicTemplate.parse(template))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("which MQTT does not allow in a topic name");
    }

    @Test
    void templatePrintsAsWritten() {
        assertThat(defaultTemplate).hasToString("fleet/{tenant}/{equipmentId}/telemetry");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a/b", "+", "ä",
            "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"}) // 65 characters
    void addressRefusesSegmentsTheContractDoesNotAllow(String segment) {
        assertThatThrownBy(() -> new TopicAddress(segment, "EX-1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TopicAddress("acme", segment)).isInstanceOf(IllegalArgumentException.class);
    }
}
