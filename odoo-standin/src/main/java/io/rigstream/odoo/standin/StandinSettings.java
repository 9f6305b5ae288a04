package io.rigstream.odoo.standin;

import java.util.Set;

/**
 * Who the stand-in is: its database, its one user (login, password, API keys, uid, time zone), the Odoo version it
 * claims, which protocols it serves and which models that user may not write.
 *
 * @param servesJsonRpc false to act as Odoo 22+, where {@code /jsonrpc} is gone
 * @param userTimeZone  the user's preference, which {@code load} reads datetime text in unless the context says {@code tz}
 */
public record StandinSettings(String database, String login, String password, Set<String> apiKeys, int uid,
        String serverSerie, boolean servesJsonRpc, Set<String> writeDenied, String userTimeZone) {

    /** The database the recorded Odoo 17 cases were made against. */
    public static StandinSettings odoo17() {
        return new StandinSettings("telematics", "admin", "admin", Set.of("rigstream-test-api-key"), 2, "17.0", true, Set.of(), "UTC");
    }

    public StandinSettings withSerie(String serie) {
        return new StandinSettings(database, login, password, apiKeys, uid, serie, servesJsonRpc, writeDenied, userTimeZone);
    }

    public StandinSettings withoutJsonRpc() {
        return new StandinSettings(database, login, password, apiKeys, uid, serverSerie, false, writeDenied, userTimeZone);
    }

    /** A user with "Internal User" rights only on these models: every write is an AccessError. */
    public StandinSettings denyingWritesTo(String... models) {
        return new StandinSettings(database, login, password, apiKeys, uid, serverSerie, servesJsonRpc, Set.of(models), userTimeZone);
    }

    /** A user whose preferences name a time zone, e.g. Europe/Berlin. */
    public StandinSettings withUserTimeZone(String zone) {
        return new StandinSettings(database, login, password, apiKeys, uid, serverSerie, servesJsonRpc, writeDenied, zone);
    }

    public int majorVersion() {
        return Integer.parseInt(serverSerie.substring(0, serverSerie.indexOf('.')));
    }

    /** JSON-2 exists from Odoo 19 on. */
    public boolean servesJson2() {
        return majorVersion() >= 19;
    }

    public boolean acceptsSecret(String secret) {
        return password.equals(secret) || apiKeys.contains(secret);
    }
}
