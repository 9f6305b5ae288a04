package io.rigstream.odoo.sink.outbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rigstream.odoo.sink.odoo.ErrorKind;
import io.rigstream.odoo.sink.odoo.OdooCall;
import io.rigstream.odoo.sink.odoo.OdooException;
import io.rigstream.odoo.sink.odoo.OdooTransport;
import io.rigstream.odoo.sink.throttle.RequestThrottle;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Dry run: every call the live sink would make is appended to a JSON-lines file instead, through the same throttle,
 * with the same batches and external ids. Lookups are answered as if every equipment and project existed, with
 * placeholder database ids (1, 2, ... per model, stable for a key within a run); loads succeed.
 * One line: {@code {"seq":1,"at":"...Z","model":"...","method":"load","records":2,"params":{...},"context":{...}}},
 * plus {@code "ids"} for methods called on records.
 */
public final class OutboxTransport implements OdooTransport, AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final BufferedWriter out;
    private final RequestThrottle throttle;
    private final Clock clock;
    private final Map<String, Integer> placeholderIds = new HashMap<>();
    private final Map<String, Integer> nextIdByModel = new HashMap<>();
    private long sequence;

    public OutboxTransport(Path file, RequestThrottle throttle, Clock clock) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        this.throttle = throttle;
        this.clock = clock;
    }

    @Override
    public JsonNode call(OdooCall call) throws OdooException, InterruptedException {
        return throttle.call(call.records(), () -> {
            write(call);
            return answer(call);
        });
    }

    private synchronized void write(OdooCall call) throws OdooException {
        ObjectNode line = JSON.createObjectNode();
        line.put("seq", ++sequence);
        line.put("at", clock.instant().toString());
        line.put("model", call.model());
        line.put("method", call.method());
        line.put("records", call.records());
        call.ids().ifPresent(ids -> line.set("ids", JSON.valueToTree(ids)));
        line.set("params", JSON.valueToTree(call.params()));
        line.set("context", JSON.valueToTree(call.context()));
        try {
            out.write(line.toString());
            out.newLine();
            out.flush();
        } catch (IOException e) {
            throw new OdooException(ErrorKind.TRANSIENT, e.getClass().getName(), "cannot write the outbox: " + e, Optional.empty(), e);
        }
    }

    private synchronized JsonNode answer(OdooCall call) {
        if ("load".equals(call.method())) {
            ArrayNode ids = JSON.createArrayNode();
            for (Object row : (List<?>) call.params().get("data")) {
                ids.add(placeholderId(call.model(), String.valueOf(((List<?>) row).get(0))));
            }
            ObjectNode result = JSON.createObjectNode();
            result.set("ids", ids);
            result.set("messages", JSON.createArrayNode());
            return result;
        }
        if ("search_read".equals(call.method())) {
            return searchAnswer(call);
        }
        return JSON.getNodeFactory().booleanNode(true);
    }

    /** One row per value of the domain's "in" leaves, as if each key existed once; modules come from a "module" leaf. */
    private ArrayNode searchAnswer(OdooCall call) {
        ArrayNode rows = JSON.createArrayNode();
        String module = "";
        List<?> keys = List.of();
        String keyField = "name";
        for (Object term : (List<?>) call.params().get("domain")) {
            List<?> leaf = (List<?>) term;
            if ("module".equals(leaf.get(0)) && leaf.get(2) instanceof List<?> modules && !modules.isEmpty()) {
                module = String.valueOf(modules.get(0));
            } else if ("in".equals(leaf.get(1))) {
                keyField = String.valueOf(leaf.get(0));
                keys = (List<?>) leaf.get(2);
            }
        }
        for (Object key : keys) {
            ObjectNode row = rows.addObject();
            int id = placeholderId(call.model(), keyField + "=" + key);
            row.put("id", id);
            row.put(keyField, String.valueOf(key));
            row.put("module", module);
            row.put("res_id", id);
        }
        return rows;
    }

    private int placeholderId(String model, String key) {
        return placeholderIds.computeIfAbsent(model + '\u0000' + key, k -> nextIdByModel.merge(model, 1, Integer::sum));
    }

    @Override
    public synchronized void close() throws IOException {
        out.close();
    }
}
