package io.rigstream.odoo.standin.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.rigstream.odoo.standin.StandinSettings;
import io.rigstream.odoo.standin.orm.Database;
import io.rigstream.odoo.standin.orm.MethodSignatures;
import io.rigstream.odoo.standin.orm.OdooError;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code POST /json/2/<model>/<method>} (Odoo 19+): bearer API key, optional {@code X-Odoo-Database}, named parameters
 * in the body. Errors use real HTTP statuses with the exception as the JSON body, per Odoo's JSON-2 reference.
 */
public final class Json2Endpoint implements HttpHandler {

    private final StandinSettings settings;
    private final Database database;
    private final ObjectCalls calls;

    public Json2Endpoint(StandinSettings settings, Database database, ObjectCalls calls) {
        this.settings = settings;
        this.database = database;
        this.calls = calls;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        String[] path = exchange.getRequestURI().getPath().split("/");
        if (path.length != 5 || !"POST".equals(exchange.getRequestMethod())) {
            respondError(exchange, 404, OdooError.of("werkzeug.exceptions.NotFound", "404 Not Found"));
            return;
        }
        String model = path[3];
        String method = path[4];
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (authorization == null || !authorization.regionMatches(true, 0, "bearer ", 0, 7)
                || !settings.apiKeys().contains(authorization.substring(7).trim())) {
            respondError(exchange, 401, new OdooError("werkzeug.exceptions.Unauthorized", "Invalid apikey",
                    "werkzeug.exceptions.Unauthorized: 401 Unauthorized: Invalid apikey"));
            return;
        }
        String db = exchange.getRequestHeaders().getFirst("X-Odoo-Database");
        if (db != null && !settings.database().equals(db)) {
            respondError(exchange, 404, OdooError.of("werkzeug.exceptions.NotFound", "Database " + db + " not found"));
            return;
        }
        if (!database.models().containsKey(model) || !MethodSignatures.known(method)) {
            respondError(exchange, 404, OdooError.of("werkzeug.exceptions.NotFound",
                    "404 Not Found: " + model + "." + method + " does not exist"));
            return;
        }
        Map<String, Object> body;
        try {
            body = new LinkedHashMap<>(Exchanges.JSON.readValue(exchange.getRequestBody(), Exchanges.MAP_TYPE));
        } catch (JsonProcessingException e) {
            respondError(exchange, 400, OdooError.of("werkzeug.exceptions.BadRequest", "Invalid JSON data"));
            return;
        }
        List<Integer> ids = Exchanges.ids(body.remove("ids"));
        try {
            Optional<Object> result = calls.execute(settings.uid(), model, method, ids, body);
            if (result.isEmpty()) {
                Exchanges.drop(exchange);
                return;
            }
            Exchanges.respondJson(exchange, 200, result.get());
        } catch (OdooError e) {
            respondError(exchange, status(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            Exchanges.drop(exchange);
        }
    }

    private static int status(OdooError error) {
        return switch (error.name()) {
            case OdooError.ACCESS_DENIED -> 401;
            case OdooError.ACCESS_ERROR -> 403;
            case OdooError.MISSING_ERROR -> 404;
            case OdooError.USER_ERROR, OdooError.VALIDATION_ERROR, OdooError.VALUE_ERROR -> 422;
            default -> 500;
        };
    }

    private static void respondError(HttpExchange exchange, int status, OdooError error) throws IOException {
        Map<String, Object> body = Exchanges.errorData(error);
        if (error.name().startsWith("werkzeug.")) {
            body.put("arguments", List.of(error.getMessage(), status));
        }
        Exchanges.respondJson(exchange, status, body);
    }
}
