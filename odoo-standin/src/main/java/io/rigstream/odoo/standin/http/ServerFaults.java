package io.rigstream.odoo.standin.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.rigstream.odoo.standin.faults.FaultInjector;
import io.rigstream.odoo.standin.faults.RequestMeter;
import java.io.IOException;

/**
 * Wraps an endpoint with what happens before Odoo's code runs: the request is counted, waits the injected latency,
 * and may be answered by a fault instead (a status from the proxy, a dropped connection).
 */
public final class ServerFaults implements HttpHandler {

    private final HttpHandler endpoint;
    private final FaultInjector faults;
    private final RequestMeter meter;

    public ServerFaults(HttpHandler endpoint, FaultInjector faults, RequestMeter meter) {
        this.endpoint = endpoint;
        this.faults = faults;
        this.meter = meter;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        meter.begin();
        try {
            if (!faults.latency().isZero()) {
                Thread.sleep(faults.latency().toMillis());
            }
            FaultInjector.Before before = faults.before();
            if (before instanceof FaultInjector.Answer answer) {
                Exchanges.respondFault(exchange, answer.answer());
            } else if (before instanceof FaultInjector.Drop) {
                Exchanges.drop(exchange);
            } else {
                endpoint.handle(exchange);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            Exchanges.drop(exchange);
        } finally {
            meter.end();
            exchange.close();
        }
    }
}
