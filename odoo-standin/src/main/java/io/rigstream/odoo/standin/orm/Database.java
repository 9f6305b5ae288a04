package io.rigstream.odoo.standin.orm;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The stand-in's database: one lock, so every call is one serializable transaction, rolled back whole when it throws.
 * Id sequences are not rolled back, as PostgreSQL's are not.
 */
public final class Database {

    private final Map<String, ModelSpec> models;
    private final Map<String, Integer> sequences = new HashMap<>();
    private Tables tables;

    public Database(Map<String, ModelSpec> models) {
        this.models = models;
        this.tables = Tables.empty(models.keySet());
    }

    public Map<String, ModelSpec> models() {
        return models;
    }

    public ModelSpec model(String name) {
        ModelSpec model = models.get(name);
        if (model == null) {
            throw OdooError.unknownModel(name);
        }
        return model;
    }

    /** Runs {@code work} as one transaction: all of its changes, or none when it throws. */
    public <T> T transaction(Function<Transaction, T> work) {
        return transaction(work, result -> false);
    }

    /**
     * Also rolls back when {@code rollbackWhen} holds for the result: {@code load} reports its row errors as a normal
     * result and still writes nothing.
     */
    public synchronized <T> T transaction(Function<Transaction, T> work, Predicate<T> rollbackWhen) {
        Tables before = tables.copy();
        T result;
        try {
            result = work.apply(new Transaction());
        } catch (RuntimeException e) {
            tables = before;
            throw e;
        }
        if (rollbackWhen.test(result)) {
            tables = before;
        }
        return result;
    }

    /** A consistent copy of one model's rows, id to values, for tests and the state view. */
    public synchronized Map<Integer, Map<String, Object>> rows(String model) {
        return Collections.unmodifiableMap(new TreeMap<>(tables.rows.get(model(model).name())));
    }

    /** The record an external id points at, if both exist. */
    public synchronized Optional<Map<String, Object>> byExternalId(String xmlid) {
        Integer dataId = tables.xmlids.get(xmlid);
        if (dataId == null) {
            return Optional.empty();
        }
        Map<String, Object> data = tables.rows.get(Models.MODEL_DATA).get(dataId);
        return Optional.ofNullable(tables.rows.get((String) data.get("model")).get(((Number) data.get("res_id")).intValue()));
    }

    /** One call's view of the data. Only valid inside {@link #transaction}. */
    public final class Transaction {

        private Transaction() {
        }

        public ModelSpec model(String name) {
            return Database.this.model(name);
        }

        public Optional<Map<String, Object>> get(String model, int id) {
            return Optional.ofNullable(tables.rows.get(model).get(id));
        }

        public List<Integer> ids(String model) {
            return new ArrayList<>(tables.rows.get(model).keySet());
        }

        public int insert(String model, Map<String, Object> values) {
            int id = sequences.merge(model, 1, Integer::sum);
            Map<String, Object> row = new LinkedHashMap<>(values);
            row.put("id", id);
            tables.rows.get(model).put(id, Collections.unmodifiableMap(row));
            if (Models.MODEL_DATA.equals(model)) {
                tables.xmlids.put(values.get("module") + "." + values.get("name"), id);
            }
            return id;
        }

        /** Reserves an id as a failed INSERT does in PostgreSQL. */
        public void burnId(String model) {
            sequences.merge(model, 1, Integer::sum);
        }

        public void update(String model, int id, Map<String, Object> values) {
            Map<String, Object> row = new LinkedHashMap<>(tables.rows.get(model).get(id));
            row.putAll(values);
            tables.rows.get(model).put(id, Collections.unmodifiableMap(row));
        }

        public void delete(String model, int id) {
            tables.rows.get(model).remove(id);
        }

        /** The id of the record an external id names, when the external id and its record both exist. */
        public Optional<Integer> resolveXmlid(String xmlid, String expectedModel) {
            Integer dataId = tables.xmlids.get(xmlid);
            if (dataId == null) {
                return Optional.empty();
            }
            Map<String, Object> data = tables.rows.get(Models.MODEL_DATA).get(dataId);
            if (!expectedModel.equals(data.get("model"))) {
                return Optional.empty();
            }
            int resId = ((Number) data.get("res_id")).intValue();
            return tables.rows.get(expectedModel).containsKey(resId) ? Optional.of(resId) : Optional.empty();
        }

        /** Points {@code xmlid} at {@code resId}, creating or repointing its ir.model.data row. */
        public void bindXmlid(String xmlid, String model, int resId) {
            Integer dataId = tables.xmlids.get(xmlid);
            if (dataId != null) {
                update(Models.MODEL_DATA, dataId, Map.of("model", model, "res_id", resId));
                return;
            }
            int dot = xmlid.indexOf('.');
            insert(Models.MODEL_DATA, Map.of("module", xmlid.substring(0, dot), "name", xmlid.substring(dot + 1),
                    "model", model, "res_id", resId, "noupdate", false));
        }
    }
}
