package io.rigstream.odoo.sink.mapping;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;

/**
 * External ids derived from business keys, stable across replays and restarts, so {@code load} updates instead of
 * duplicating: {@code rigstream.usage_<job>_<equipment>_<yyyyMMdd>}, {@code rigstream.trigger_<id>},
 * {@code rigstream.downtime_<episode>}, {@code rigstream.equipment_<serial>}, {@code rigstream.project_<job>}.
 * Parts keep letters, digits and '-'; anything else becomes '-', and then a hash of the exact key is appended
 * ({@code _h<16 hex>}), so two keys never share an id even when they differ only in a replaced character.
 */
public final class ExternalIds {

    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    private final String module;

    public ExternalIds(String module) {
        this.module = module;
    }

    public String usage(String jobId, String equipmentId, LocalDate day) {
        return build("usage", List.of(jobId, equipmentId, day.format(DAY)));
    }

    public String trigger(String triggerId) {
        return build("trigger", List.of(triggerId));
    }

    public String downtime(String episodeId) {
        return build("downtime", List.of(episodeId));
    }

    public String equipment(String serialNo) {
        return build("equipment", List.of(serialNo));
    }

    public String project(String jobId) {
        return build("project", List.of(jobId));
    }

    private String build(String kind, List<String> parts) {
        StringBuilder name = new StringBuilder(module).append('.').append(kind);
        boolean altered = false;
        for (String part : parts) {
            name.append('_');
            for (int i = 0; i < part.length(); i++) {
                char c = part.charAt(i);
                boolean kept = c < 128 && (Character.isLetterOrDigit(c) || c == '-');
                name.append(kept ? c : '-');
                altered |= !kept;
            }
            altered |= part.isEmpty();
        }
        if (altered) {
            name.append("_h").append(hash(kind, parts));
        }
        return name.toString();
    }

    private static String hash(String kind, List<String> parts) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(kind.getBytes(StandardCharsets.UTF_8));
            for (String part : parts) {
                sha.update((byte) 0);
                sha.update(part.getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(sha.digest(), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
