package io.rigstream.odoo.standin;

import io.rigstream.odoo.standin.orm.Database;
import io.rigstream.odoo.standin.orm.Models;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What the stand-in's database holds, for tests to assert on (records per model, the record behind an external id)
 * and to prepare (equipment, projects and employees that a real customer database already has).
 */
public final class StandinState {

    private final Database database;

    StandinState(Database database) {
        this.database = database;
    }

    public List<Map<String, Object>> records(String model) {
        return List.copyOf(database.rows(model).values());
    }

    public int count(String model) {
        return database.rows(model).size();
    }

    /** @param xmlid {@code module.name}, e.g. {@code rigstream.usage_J-1001_EX-0042_20261123} */
    public Optional<Map<String, Object>> byExternalId(String xmlid) {
        return database.byExternalId(xmlid);
    }

    /** External ids (module.name) of a model's records, to the record id. */
    public Map<String, Integer> externalIds(String model) {
        Map<String, Integer> ids = new TreeMap<>();
        database.rows(Models.MODEL_DATA).values().stream()
                .filter(row -> model.equals(row.get("model")))
                .forEach(row -> ids.put(row.get("module") + "." + row.get("name"), ((Number) row.get("res_id")).intValue()));
        return ids;
    }

    public int createEquipment(String name, String serialNo) {
        return create(Models.EQUIPMENT, Map.of("name", name, "serial_no", serialNo));
    }

    public int createProject(String name) {
        return create(Models.PROJECT, Map.of("name", name));
    }

    public int createEmployee(String name) {
        return create(Models.EMPLOYEE, Map.of("name", name));
    }

    /** Gives a record an external id, as a module's data file or an earlier import would have. */
    public void bindExternalId(String xmlid, String model, int id) {
        database.transaction(tx -> {
            tx.bindXmlid(xmlid, model, id);
            return null;
        });
    }

    int create(String model, Map<String, Object> values) {
        return database.transaction(tx -> tx.insert(model, values));
    }
}
