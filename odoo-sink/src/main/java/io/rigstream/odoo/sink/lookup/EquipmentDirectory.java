package io.rigstream.odoo.sink.lookup;

import com.fasterxml.jackson.databind.JsonNode;
import io.rigstream.odoo.sink.config.UnknownPolicy;
import io.rigstream.odoo.sink.mapping.ExternalIds;
import io.rigstream.odoo.sink.odoo.LoadResult;
import io.rigstream.odoo.sink.odoo.OdooApi;
import io.rigstream.odoo.sink.odoo.OdooException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Equipment ids to {@code maintenance.equipment} records by {@code serial_no}, Odoo's unique key for equipment.
 * Found ids are cached (equipment is rarely renumbered; a stale id fails its row and is {@link #forget forgotten}).
 * Unknown equipment is created when the policy says so: through {@code load} with an external id, so two sinks
 * racing to create it end with one record.
 */
public final class EquipmentDirectory {

    static final String MODEL = "maintenance.equipment";

    private final OdooApi odoo;
    private final ExternalIds externalIds;
    private final UnknownPolicy unknown;
    private final IdCache cache = new IdCache();

    public EquipmentDirectory(OdooApi odoo, ExternalIds externalIds, UnknownPolicy unknown) {
        this.odoo = odoo;
        this.externalIds = externalIds;
        this.unknown = unknown;
    }

    public Resolved resolve(Set<String> serials) throws OdooException, InterruptedException {
        Set<String> missing = cache.missing(serials);
        if (!missing.isEmpty()) {
            search(missing);
        }
        Map<String, String> problems = new HashMap<>();
        missing = cache.missing(missing);
        if (!missing.isEmpty() && unknown == UnknownPolicy.CREATE) {
            problems.putAll(create(missing));
        } else {
            missing.forEach(serial -> problems.put(serial, "no maintenance.equipment with serial_no '" + serial
                    + "' in Odoo (odoo.unknown-equipment=dead-letter)"));
        }
        return new Resolved(cache.found(serials), problems);
    }

    public void forget(String serial) {
        cache.forget(serial);
    }

    private void search(Set<String> serials) throws OdooException, InterruptedException {
        List<JsonNode> rows = odoo.searchRead(MODEL, List.of(List.of("serial_no", "in", List.copyOf(serials))), List.of("id", "serial_no"));
        rows.forEach(row -> cache.put(row.path("serial_no").asText(), row.path("id").asInt()));
    }

    private Map<String, String> create(Set<String> serials) throws OdooException, InterruptedException {
        List<String> ordered = new ArrayList<>(serials);
        List<List<String>> rows = new ArrayList<>();
        ordered.forEach(serial -> rows.add(List.of(externalIds.equipment(serial), serial, serial)));
        LoadResult result = odoo.load(MODEL, List.of("id", "name", "serial_no"), rows, Map.of());
        Map<String, String> problems = new HashMap<>();
        if (result.written()) {
            List<Integer> ids = result.ids().orElseThrow();
            for (int i = 0; i < ordered.size(); i++) {
                cache.put(ordered.get(i), ids.get(i));
            }
            return problems;
        }
        // Someone created some of them meanwhile (serial_no is unique): look again, report the rest.
        search(serials);
        result.errors().forEach(error -> {
            if (error.row() >= 0 && error.row() < ordered.size() && !cache.has(ordered.get(error.row()))) {
                problems.put(ordered.get(error.row()), "creating maintenance.equipment failed: " + error.message());
            }
        });
        serials.stream().filter(serial -> !cache.has(serial) && !problems.containsKey(serial))
                .forEach(serial -> problems.put(serial, "maintenance.equipment not created: another row of the same call failed"));
        return problems;
    }
}
