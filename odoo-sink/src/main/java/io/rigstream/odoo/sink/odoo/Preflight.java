package io.rigstream.odoo.sink.odoo;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks once at start that the integration user can do what the sink will do, so a missing app or group stops the
 * sink at once with what to fix, rather than after the first batch.
 */
final class Preflight {

    private Preflight() {
    }

    static void check(OdooTransport transport, ServerVersion version, String user, List<AccessCheck> checks)
            throws OdooException, InterruptedException {
        for (AccessCheck check : checks) {
            JsonNode allowed;
            try {
                LinkedHashMap<String, Object> params = new LinkedHashMap<>();
                params.put("operation", check.operation());
                if (!version.hasHasAccess()) {
                    params.put("raise_exception", false);
                }
                allowed = transport.call(version.hasHasAccess()
                        ? new OdooCall(check.model(), "has_access", Optional.of(List.of()), params, Map.of(), 0)
                        : OdooCall.onModel(check.model(), "check_access_rights", params));
            } catch (OdooException e) {
                if (e.kind() == ErrorKind.TRANSIENT) {
                    throw e;
                }
                throw e.asFatal("Checking that Odoo user '" + user + "' may " + check.operation() + " " + check.model()
                        + " failed; is the app providing " + check.model() + " installed? (" + check.grant() + ")");
            }
            if (!allowed.asBoolean(false)) {
                throw new OdooException(ErrorKind.FATAL, "odoo.exceptions.AccessError", "Odoo user '" + user + "' may not "
                        + check.operation() + " " + check.model() + ": give it " + check.grant());
            }
        }
    }
}
