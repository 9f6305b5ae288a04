package io.rigstream.odoo.standin;

import com.sun.net.httpserver.HttpServer;
import io.rigstream.odoo.standin.faults.FaultInjector;
import io.rigstream.odoo.standin.faults.RequestMeter;
import io.rigstream.odoo.standin.http.Json2Endpoint;
import io.rigstream.odoo.standin.http.JsonRpcEndpoint;
import io.rigstream.odoo.standin.http.ObjectCalls;
import io.rigstream.odoo.standin.http.ServerFaults;
import io.rigstream.odoo.standin.http.WebVersionEndpoint;
import io.rigstream.odoo.standin.orm.Database;
import io.rigstream.odoo.standin.orm.Models;
import io.rigstream.odoo.standin.orm.OrmService;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A stand-in Odoo server on a loopback port: JSON-RPC ({@code /jsonrpc}) and, for Odoo 19+, JSON-2
 * ({@code /json/2/<model>/<method>}), over an in-memory database seeded as a fresh Odoo 17 with maintenance, project
 * and hr_timesheet (employee 1, project 1 "Internal", the four maintenance stages). It answers the requests recorded
 * from a real server the way that server did, can be told to misbehave ({@link #faults()}), to go down and come back
 * on the same port, and counts what reaches it ({@link #meter()}).
 */
public final class OdooStandin implements AutoCloseable {

    static {
        // The JDK server writes headers and body separately; with Nagle on, each answer waits out the client's delayed
        // ACK (~40 ms) and every measured latency carries that artefact, which a real Odoo behind a proxy does not.
        System.getProperties().putIfAbsent("sun.net.httpserver.nodelay", "true");
    }

    private final StandinSettings settings;
    private final Database database = new Database(Models.odoo17());
    private final FaultInjector faults = new FaultInjector(Clock.systemUTC());
    private final RequestMeter meter = new RequestMeter();
    private final ExecutorService handlers = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "odoo-standin");
        thread.setDaemon(true);
        return thread;
    });
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "odoo-standin-timer");
        thread.setDaemon(true);
        return thread;
    });
    private final int port;
    private HttpServer server;

    private OdooStandin(StandinSettings settings, int port) {
        this.settings = settings;
        seed();
        this.server = listen(port);
        this.port = server.getAddress().getPort();
    }

    public static OdooStandin start() {
        return start(StandinSettings.odoo17());
    }

    public static OdooStandin start(StandinSettings settings) {
        return start(settings, 0);
    }

    /** @param port a fixed loopback port, or 0 for a free one */
    public static OdooStandin start(StandinSettings settings, int port) {
        return new OdooStandin(settings, port);
    }

    /**
     * Runs a stand-in by hand, for the demo or a manual check of a sink: {@code [port] [serie]}, e.g. {@code 8069 19.0}.
     * Logs in as admin/admin (or API key {@code rigstream-test-api-key}) on database {@code telematics}.
     */
    public static void main(String[] args) throws InterruptedException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 8069;
        StandinSettings settings = args.length > 1 ? StandinSettings.odoo17().withSerie(args[1]) : StandinSettings.odoo17();
        OdooStandin standin = start(settings, port);
        Runtime.getRuntime().addShutdownHook(new Thread(standin::close, "odoo-standin-stop"));
        System.out.println("Stand-in Odoo " + settings.serverSerie() + " at " + standin.url() + ", database " + settings.database());
        Thread.currentThread().join();
    }

    /** Base URL, e.g. {@code http://127.0.0.1:41234}. */
    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public FaultInjector faults() {
        return faults;
    }

    public RequestMeter meter() {
        return meter;
    }

    public StandinState state() {
        return new StandinState(database);
    }

    /** Stops listening: connections are refused, as for a server being upgraded. */
    public synchronized void goDown() {
        if (server != null) {
            server.stop(0);
            server = null;
            faults.releaseHeldAnswers();
        }
    }

    /** Listens again on the same port. */
    public synchronized void comeBack() {
        if (server == null) {
            server = listen(port);
        }
    }

    /** Goes down now and comes back by itself after {@code duration}. */
    public void downFor(Duration duration) {
        goDown();
        timer.schedule(this::comeBack, duration.toMillis(), TimeUnit.MILLISECONDS);
    }

    public synchronized boolean isUp() {
        return server != null;
    }

    @Override
    public void close() {
        timer.shutdownNow();
        goDown();
        handlers.shutdownNow();
    }

    private HttpServer listen(int onPort) {
        try {
            HttpServer created = HttpServer.create(new InetSocketAddress("127.0.0.1", onPort), 64);
            OrmService orm = new OrmService(database, settings.writeDenied(), ZoneId.of(settings.userTimeZone()));
            ObjectCalls calls = new ObjectCalls(orm, faults, meter);
            if (settings.servesJsonRpc()) {
                created.createContext("/jsonrpc", new ServerFaults(new JsonRpcEndpoint(settings, calls), faults, meter));
            }
            if (settings.servesJson2()) {
                created.createContext("/json/2/", new ServerFaults(new Json2Endpoint(settings, database, calls), faults, meter));
            }
            created.createContext("/web/version", new ServerFaults(new WebVersionEndpoint(settings), faults, meter));
            created.setExecutor(handlers);
            created.start();
            return created;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot listen on 127.0.0.1:" + onPort, e);
        }
    }

    private void seed() {
        StandinState state = state();
        state.createEmployee("Administrator");
        state.createProject("Internal");
        for (String stage : new String[] {"New Request", "In Progress", "Repaired", "Scrap"}) {
            state.create(Models.STAGE, Map.of("name", stage, "done", "Repaired".equals(stage) || "Scrap".equals(stage)));
        }
    }
}
