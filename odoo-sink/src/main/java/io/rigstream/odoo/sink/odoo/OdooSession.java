package io.rigstream.odoo.sink.odoo;

import com.fasterxml.jackson.databind.JsonNode;
import io.rigstream.odoo.sink.config.OdooConnection;
import io.rigstream.odoo.sink.config.Protocol;
import io.rigstream.odoo.sink.metrics.SinkMetrics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live connection to Odoo, established on the first call and kept: finds the protocol ({@code auto} asks the
 * version once), logs in (JSON-RPC needs the uid), checks the user's rights, then carries every call. Until it is
 * established, transient failures leave it to be tried again; wrong credentials, rights or URL are fatal.
 */
public final class OdooSession implements OdooTransport {

    private static final Logger LOG = LoggerFactory.getLogger(OdooSession.class);

    private final OdooConnection connection;
    private final List<AccessCheck> rights;
    private final OdooHttp http;
    private final SinkMetrics metrics;
    private final Clock clock;
    private volatile OdooTransport established;

    public OdooSession(OdooConnection connection, List<AccessCheck> rights, OdooHttp http, SinkMetrics metrics, Clock clock) {
        this.connection = connection;
        this.rights = List.copyOf(rights);
        this.http = http;
        this.metrics = metrics;
        this.clock = clock;
    }

    @Override
    public JsonNode call(OdooCall call) throws OdooException, InterruptedException {
        OdooTransport transport = establish();
        Instant started = clock.instant();
        try {
            JsonNode result = transport.call(call);
            metrics.call(call.method(), "ok", Duration.between(started, clock.instant()));
            return result;
        } catch (OdooException e) {
            metrics.call(call.method(), e.kind().name().toLowerCase(java.util.Locale.ROOT), Duration.between(started, clock.instant()));
            throw e;
        }
    }

    /** Connects now rather than on the first record; the service calls it at start to fail fast. */
    public OdooTransport establish() throws OdooException, InterruptedException {
        OdooTransport ready = established;
        return ready != null ? ready : connect();
    }

    private synchronized OdooTransport connect() throws OdooException, InterruptedException {
        if (established != null) {
            return established;
        }
        ServerVersion version = connection.protocol() == Protocol.JSON2 ? new ServerVersion(19, "19.0+")
                : VersionProbe.probe(http, connection.url());
        Protocol protocol = connection.protocol() != Protocol.AUTO ? connection.protocol()
                : version.hasJson2() ? Protocol.JSON2 : Protocol.JSONRPC;
        String apiKey = connection.apiKey().value();
        OdooTransport transport = protocol == Protocol.JSON2
                ? new Json2Transport(http, connection.url(), connection.database(), apiKey)
                : new JsonRpcTransport(http, connection.url(), connection.database(), login(apiKey), apiKey);
        Preflight.check(transport, version, connection.username(), rights);
        LOG.info("Connected to Odoo {} at {} (database '{}', user '{}') over {}", version.serie(), connection.url(),
                connection.database(), connection.username(), protocol.key());
        established = transport;
        return transport;
    }

    private int login(String apiKey) throws OdooException, InterruptedException {
        JsonNode uid;
        try {
            uid = JsonRpcTransport.send(http, connection.url().resolve("/jsonrpc"), "common", "authenticate",
                    JsonRpcTransport.array(List.of(connection.database(), connection.username(), apiKey, Map.of())),
                    0, "authenticate", 0);
        } catch (OdooException e) {
            if (e.kind() == ErrorKind.TRANSIENT) {
                throw e;
            }
            throw e.asFatal("Logging in to Odoo database '" + connection.database() + "' failed; check odoo.database");
        }
        if (!uid.canConvertToInt()) {
            throw new OdooException(ErrorKind.FATAL, "odoo.exceptions.AccessDenied", "Odoo refused the login of '"
                    + connection.username() + "' on database '" + connection.database()
                    + "': check odoo.username and odoo.api-key (an API key of that user, Preferences > Account Security)");
        }
        return uid.asInt();
    }
}
