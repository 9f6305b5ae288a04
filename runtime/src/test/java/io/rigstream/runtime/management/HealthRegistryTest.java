package io.rigstream.runtime.management;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HealthRegistryTest {

    @Test
    void aServiceThatHasRegisteredNoReadinessCheckYetIsNotReady() {
        HealthRegistry health = new HealthRegistry();

        assertThat(HealthRegistry.allOk(health.ready())).isFalse();
        assertThat(health.ready().get("lifecycle").detail()).startsWith("starting");
    }

    @Test
    void readyOnceEveryRegisteredCheckIsUp() {
        HealthRegistry health = new HealthRegistry();
        health.readiness("mqtt", () -> HealthRegistry.Check.up("connected and subscribed"));
        health.readiness("kafka", () -> HealthRegistry.Check.up("producing"));

        assertThat(HealthRegistry.allOk(health.ready())).isTrue();
        assertThat(health.ready()).containsOnlyKeys("mqtt", "kafka");
    }

    @Test
    void oneCheckDownMakesTheServiceNotReady() {
        HealthRegistry health = new HealthRegistry();
        health.readiness("mqtt", () -> HealthRegistry.Check.down("not connected to the MQTT broker"));
        health.readiness("kafka", () -> HealthRegistry.Check.up("producing"));

        assertThat(HealthRegistry.allOk(health.ready())).isFalse();
    }

    @Test
    void aServiceShuttingDownIsNotReadyWhateverItsChecksSay() {
        HealthRegistry health = new HealthRegistry();
        health.readiness("kafka", () -> HealthRegistry.Check.up("producing"));
        health.markShuttingDown();

        assertThat(HealthRegistry.allOk(health.ready())).isFalse();
    }

    @Test
    void livenessWithoutChecksIsAlive() {
        assertThat(HealthRegistry.allOk(new HealthRegistry().live())).isTrue();
    }
}
