package io.rigstream.odoo.sink.lookup;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/** Database ids of keys found in Odoo, kept for the life of the sink; shared by the lanes' threads. */
final class IdCache {

    private final Map<String, Integer> ids = new ConcurrentHashMap<>();

    void put(String key, int id) {
        ids.put(key, id);
    }

    boolean has(String key) {
        return ids.containsKey(key);
    }

    void forget(String key) {
        ids.remove(key);
    }

    /** The keys not cached, in a stable order. */
    Set<String> missing(Set<String> keys) {
        Set<String> missing = new TreeSet<>(keys);
        missing.removeAll(ids.keySet());
        return missing;
    }

    /** The cached ids of {@code keys}. */
    Map<String, Integer> found(Set<String> keys) {
        Map<String, Integer> found = new HashMap<>();
        keys.forEach(key -> {
            Integer id = ids.get(key);
            if (id != null) {
                found.put(key, id);
            }
        });
        return found;
    }
}
