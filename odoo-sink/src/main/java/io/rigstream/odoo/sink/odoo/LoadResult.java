package io.rigstream.odoo.sink.odoo;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What {@code load} answered: the record ids in row order, or none when any row failed (then nothing was written)
 * and {@link #errors()} names the rows.
 */
public record LoadResult(Optional<List<Integer>> ids, List<RowError> errors) {

    /** One row Odoo refused: its 0-based index in the call, the field at fault if named, and Odoo's message. */
    public record RowError(int row, String field, String message) {
    }

    static LoadResult parse(JsonNode result) throws OdooException {
        if (!result.isObject() || !result.has("ids")) {
            throw new OdooException(ErrorKind.TRANSIENT, "rigstream.UnreadableAnswer", "load answered without ids: " + result);
        }
        List<RowError> errors = new ArrayList<>();
        for (JsonNode message : result.path("messages")) {
            if ("error".equals(message.path("type").asText())) {
                errors.add(new RowError(message.path("record").asInt(-1), message.path("field").asText(""),
                        message.path("message").asText("")));
            }
        }
        JsonNode ids = result.get("ids");
        if (!ids.isArray()) {
            return new LoadResult(Optional.empty(), errors);
        }
        List<Integer> list = new ArrayList<>();
        ids.forEach(id -> list.add(id.asInt()));
        return new LoadResult(Optional.of(list), errors);
    }

    public boolean written() {
        return ids.isPresent();
    }
}
