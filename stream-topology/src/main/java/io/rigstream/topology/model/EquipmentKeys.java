package io.rigstream.topology.model;

/** The tenant-qualified equipment id {@code <tenant>/<equipmentId>} every per-equipment record is keyed by. */
public final class EquipmentKeys {

    private EquipmentKeys() {
    }

    public static String of(String tenant, String equipmentId) {
        return tenant + '/' + equipmentId;
    }

    /** Tenants cannot contain '/', so the first one separates the two parts. */
    public static String tenantOf(String key) {
        return key.substring(0, separator(key));
    }

    public static String equipmentIdOf(String key) {
        return key.substring(separator(key) + 1);
    }

    private static int separator(String key) {
        int at = key.indexOf('/');
        if (at <= 0 || at == key.length() - 1) {
            throw new IllegalArgumentException("not a tenant-qualified equipment id: " + key);
        }
        return at;
    }
}
