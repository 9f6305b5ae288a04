package io.rigstream.odoo.standin.http;

import io.rigstream.odoo.standin.StandinSettings;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The version answers: {@code common.version} over JSON-RPC and {@code GET /web/version}. */
final class VersionInfo {

    private VersionInfo() {
    }

    static List<Object> versionInfo(StandinSettings settings) {
        return List.of(settings.majorVersion(), 0, 0, "final", 0, "");
    }

    static String serverVersion(StandinSettings settings) {
        return settings.serverSerie() + "-standin";
    }

    static Map<String, Object> common(StandinSettings settings) {
        Map<String, Object> version = new LinkedHashMap<>();
        version.put("server_version", serverVersion(settings));
        version.put("server_version_info", versionInfo(settings));
        version.put("server_serie", settings.serverSerie());
        version.put("protocol_version", 1);
        return version;
    }

    static Map<String, Object> web(StandinSettings settings) {
        Map<String, Object> version = new LinkedHashMap<>();
        version.put("version_info", versionInfo(settings));
        version.put("version", serverVersion(settings));
        return version;
    }
}
