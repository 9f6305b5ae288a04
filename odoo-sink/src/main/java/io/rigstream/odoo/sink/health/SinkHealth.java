package io.rigstream.odoo.sink.health;

import io.rigstream.odoo.sink.delivery.Lane;
import io.rigstream.runtime.management.HealthRegistry;
import io.rigstream.runtime.management.HealthRegistry.Check;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The sink's health. Alive unless a fatal error stopped it (then the check carries what to fix). Ready while it
 * polls, is connected to Odoo, and no lane is backing off: a sink waiting out an Odoo maintenance window is alive
 * but not ready.
 */
public final class SinkHealth {

    public static final String COMPONENT = "odoo-sink";

    private final Map<Lane, String> backingOff = new ConcurrentHashMap<>();
    private volatile String fatal;
    private volatile boolean polling;
    private volatile boolean connected;

    public void register(HealthRegistry registry) {
        registry.liveness(COMPONENT, this::liveness);
        registry.readiness(COMPONENT, this::readiness);
    }

    public Check liveness() {
        String reason = fatal;
        return reason == null ? Check.up("running") : Check.down(reason);
    }

    public Check readiness() {
        if (fatal != null) {
            return Check.down(fatal);
        }
        if (!polling) {
            return Check.down("not polling Kafka");
        }
        if (!connected) {
            return Check.down("not connected to Odoo yet");
        }
        if (!backingOff.isEmpty()) {
            return Check.down("backing off: " + backingOff);
        }
        return Check.up("delivering");
    }

    public void fatal(String whatToFix) {
        fatal = whatToFix;
    }

    public boolean isFatal() {
        return fatal != null;
    }

    public void polling(boolean value) {
        polling = value;
    }

    public void connected() {
        connected = true;
    }

    public void backingOff(Lane lane, String cause) {
        backingOff.put(lane, cause);
    }

    public void recovered(Lane lane) {
        backingOff.remove(lane);
    }
}
