package io.rigstream.odoo.sink.odoo;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpResponse;

/**
 * Asks a server its version without logging in: {@code common.version} over JSON-RPC (Odoo 8 to 21), and when
 * {@code /jsonrpc} is gone (Odoo 22+), {@code GET /web/version}.
 */
final class VersionProbe {

    private VersionProbe() {
    }

    static ServerVersion probe(OdooHttp http, URI baseUrl) throws OdooException, InterruptedException {
        try {
            JsonNode result = JsonRpcTransport.send(http, baseUrl.resolve("/jsonrpc"), "common", "version",
                    OdooHttp.JSON.createArrayNode(), 0, "version", 0);
            return of(result.path("server_version_info"), result.path("server_serie").asText(""));
        } catch (OdooException e) {
            if (!"http.404".equals(e.errorClass())) {
                throw e;
            }
        }
        HttpResponse<String> response = http.get(baseUrl.resolve("/web/version"), "version");
        if (response.statusCode() != 200) {
            throw OdooException.fatal("Neither /jsonrpc nor /web/version answered at " + baseUrl
                    + " (HTTP " + response.statusCode() + "): is odoo.url the Odoo server?");
        }
        JsonNode result = JsonRpcTransport.parse(response.body());
        return of(result.path("version_info"), result.path("version").asText(""));
    }

    private static ServerVersion of(JsonNode versionInfo, String serie) throws OdooException {
        if (!versionInfo.path(0).canConvertToInt()) {
            throw OdooException.fatal("The server did not report an Odoo version (" + versionInfo + "): is odoo.url the Odoo server?");
        }
        return new ServerVersion(versionInfo.path(0).asInt(), serie);
    }
}
