package io.rigstream.odoo.standin.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.rigstream.odoo.standin.StandinSettings;
import io.rigstream.odoo.standin.orm.MethodSignatures;
import io.rigstream.odoo.standin.orm.OdooError;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code POST /jsonrpc}: the {@code common} service (version, authenticate) and {@code object.execute_kw}. Server errors
 * come back as HTTP 200 with an {@code error} member, as Odoo sends them; only a request that is not JSON gets 400.
 */
public final class JsonRpcEndpoint implements HttpHandler {

    private static final String WRONG_TYPE_PAGE = "<!doctype html>\n<html lang=en>\n<title>400 Bad Request</title>\n"
            + "<h1>Bad Request</h1>\n<p>Request inferred type is compatible with [&#39;http&#39;] but &#39;/jsonrpc&#39; "
            + "is type=&#39;json&#39;.</p>\n";

    private final StandinSettings settings;
    private final ObjectCalls calls;

    public JsonRpcEndpoint(StandinSettings settings, ObjectCalls calls) {
        this.settings = settings;
        this.calls = calls;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        if (contentType == null || !contentType.toLowerCase().startsWith("application/json")) {
            Exchanges.respond(exchange, 400, Exchanges.HTML_TYPE, WRONG_TYPE_PAGE);
            return;
        }
        Map<String, Object> request;
        try {
            request = Exchanges.JSON.readValue(exchange.getRequestBody(), Exchanges.MAP_TYPE);
        } catch (JsonProcessingException e) {
            Exchanges.respond(exchange, 400, Exchanges.HTML_TYPE, "Invalid JSON data");
            return;
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("jsonrpc", "2.0");
        answer.put("id", request.get("id"));
        try {
            Optional<Object> result = dispatch(Exchanges.map(request.get("params")));
            if (result.isEmpty()) {
                Exchanges.drop(exchange);
                return;
            }
            answer.put("result", result.get());
        } catch (OdooError e) {
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("code", 200);
            error.put("message", "Odoo Server Error");
            error.put("data", Exchanges.errorData(e));
            answer.put("error", error);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            Exchanges.drop(exchange);
            return;
        }
        Exchanges.respondJson(exchange, 200, answer);
    }

    private Optional<Object> dispatch(Map<String, Object> params) throws InterruptedException {
        String service = String.valueOf(params.get("service"));
        String method = String.valueOf(params.get("method"));
        List<Object> args = Exchanges.list(params.get("args"));
        if ("common".equals(service) && "version".equals(method)) {
            return Optional.of(VersionInfo.common(settings));
        }
        if ("common".equals(service) && ("authenticate".equals(method) || "login".equals(method))) {
            boolean ok = args.size() >= 3 && settings.database().equals(args.get(0)) && settings.login().equals(args.get(1))
                    && settings.acceptsSecret(String.valueOf(args.get(2)));
            return Optional.of(ok ? settings.uid() : false);
        }
        if ("object".equals(service) && "execute_kw".equals(method) && args.size() >= 5) {
            return executeKw(args);
        }
        throw OdooError.of(OdooError.USER_ERROR, "Method " + service + "." + method + " is not served");
    }

    private Optional<Object> executeKw(List<Object> args) throws InterruptedException {
        if (!settings.database().equals(args.get(0)) || !(args.get(1) instanceof Number uid) || uid.intValue() != settings.uid()
                || !settings.acceptsSecret(String.valueOf(args.get(2)))) {
            throw OdooError.accessDenied();
        }
        String model = String.valueOf(args.get(3));
        String method = String.valueOf(args.get(4));
        List<Object> positional = new ArrayList<>(args.size() > 5 ? Exchanges.list(args.get(5)) : List.of());
        Map<String, Object> keywords = new LinkedHashMap<>(args.size() > 6 ? Exchanges.map(args.get(6)) : Map.of());
        List<Integer> ids = List.of();
        if (MethodSignatures.onRecords(method) && !positional.isEmpty()) {
            ids = Exchanges.ids(positional.remove(0));
        }
        Map<String, Object> named = MethodSignatures.known(method) ? MethodSignatures.name(method, positional, keywords) : keywords;
        return calls.execute(settings.uid(), model, method, ids, named);
    }
}
