package io.rigstream.odoo.standin.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.rigstream.odoo.standin.StandinSettings;
import java.io.IOException;

/** {@code GET /web/version}: needs no login, served by every version the sink supports. */
public final class WebVersionEndpoint implements HttpHandler {

    private final StandinSettings settings;

    public WebVersionEndpoint(StandinSettings settings) {
        this.settings = settings;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        Exchanges.respondJson(exchange, 200, VersionInfo.web(settings));
    }
}
