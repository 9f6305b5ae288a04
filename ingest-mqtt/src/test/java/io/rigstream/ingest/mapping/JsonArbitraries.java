package io.rigstream.ingest.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Generators of JSON trees, from arbitrary ones to ones shaped like contract v1 readings. Field
 * lists are ordered (never Map.of, whose order changes from JVM to JVM) so a jqwik seed replays.
 */
final class JsonArbitraries {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private static final List<String> READING_FIELDS = List.of("ts", "seq", "equipmentId", "gps", "engine", "fuel",
            "odometerKm", "faults", "ext", "readings");
    private static final List<String> GPS_FIELDS = List.of("lat", "lon", "alt", "speedKmh", "heading", "hdop", "sats");
    private static final List<String> FAULT_FIELDS = List.of("spn", "fmi", "lamp", "active", "oc", "source");

    private JsonArbitraries() {
    }

    /** Any JSON value up to a few levels deep, with the contract's field names among the keys. */
    static Arbitrary<JsonNode> trees() {
        return Arbitraries.recursive(JsonArbitraries::scalars, JsonArbitraries::containersOf, 4);
    }

    /**
     * Objects shaped like readings: usually a plausible {@code ts} and some sections, whose values are
     * mostly plausible and sometimes anything, so that acceptance and each rejection are all common.
     */
    static Arbitrary<JsonNode> readingLike() {
        Arbitrary<JsonNode> booleans = Arbitraries.of(true, false).map(JSON::booleanNode);
        Arbitrary<JsonNode> engine = someOf(List.of(
                Map.entry("running", booleans), Map.entry("hourMeter", plausibleNumbers()),
                Map.entry("idleHours", plausibleNumbers()), Map.entry("rpm", plausibleNumbers()),
                Map.entry("loadPct", plausibleNumbers())), 0.5);
        Arbitrary<JsonNode> fuel = someOf(List.of(
                Map.entry("levelPct", plausibleNumbers()), Map.entry("usedLitres", plausibleNumbers()),
                Map.entry("tankLitres", plausibleNumbers())), 0.5);
        Arbitrary<JsonNode> faults = someOf(List.of(
                        Map.entry("spn", plausibleIntegers()), Map.entry("fmi", plausibleIntegers()),
                        Map.entry("oc", plausibleIntegers()), Map.entry("source", plausibleIntegers()),
                        Map.entry("active", booleans),
                        Map.entry("lamp", Arbitraries.of("red", "AMBER", "Mil", "none", "blue").map(JSON::textNode))), 0.2)
                .list().ofMaxSize(3).map(list -> JSON.arrayNode().addAll(list));
        Arbitrary<JsonNode> ext = Arbitraries.maps(Arbitraries.strings().alpha().ofLength(2), scalars())
                .ofMaxSize(3).map(JsonArbitraries::objectOf);
        List<Map.Entry<String, Arbitrary<JsonNode>>> fields = List.of(
                Map.entry("seq", noisy(Arbitraries.longs().between(-1, 1_000_000).map(JSON::numberNode))),
                Map.entry("equipmentId", noisy(Arbitraries.of("EX-0042", "EX-0042", "EX-0042", "EX-9999")
                        .map(JSON::textNode))),
                Map.entry("gps", noisy(gps())),
                Map.entry("engine", noisy(engine)),
                Map.entry("fuel", noisy(fuel)),
                Map.entry("odometerKm", noisy(plausibleNumbers())),
                Map.entry("faults", noisy(faults)),
                Map.entry("ext", noisy(ext)),
                Map.entry("firmware", trees()));
        Arbitrary<JsonNode> ts = noisy(timestamps()).injectNull(0.05);
        return Combinators.combine(ts, someOf(fields, 0.6)).as((timestamp, rest) -> {
            ObjectNode reading = ((ObjectNode) rest).deepCopy();
            return timestamp == null ? reading : reading.set("ts", timestamp);
        });
    }

    /** {@code values}, and once in twenty times any scalar instead. */
    private static Arbitrary<JsonNode> noisy(Arbitrary<JsonNode> values) {
        return Arbitraries.frequencyOf(Tuple.of(19, values), Tuple.of(1, scalars()));
    }

    static Arbitrary<JsonNode> scalars() {
        return Arbitraries.frequencyOf(
                Tuple.of(1, Arbitraries.just(JSON.nullNode())),
                Tuple.of(1, Arbitraries.of(true, false).map(JSON::booleanNode)),
                Tuple.of(3, Arbitraries.integers().between(-1_000, 600_000).map(JSON::numberNode)),
                Tuple.of(1, Arbitraries.longs().map(JSON::numberNode)),
                Tuple.of(3, Arbitraries.doubles().between(-1_000, 1_000).map(JSON::numberNode)),
                Tuple.of(1, Arbitraries.of(1e300, -1e300, 0.5, -0.0, Double.MIN_VALUE).map(JSON::numberNode)),
                Tuple.of(1, Arbitraries.just(JSON.numberNode(new BigInteger("123456789012345678901234567890")))),
                Tuple.of(2, timestamps()),
                Tuple.of(2, Arbitraries.of("red", "EX-0042", "", "12", "true", "\u0000", "é€😀").map(JSON::textNode)),
                Tuple.of(1, Arbitraries.strings().ofMaxLength(12).map(JSON::textNode)));
    }

    private static Arbitrary<JsonNode> containersOf(Arbitrary<JsonNode> element) {
        Arbitrary<JsonNode> arrays = element.list().ofMaxSize(5).map(list -> JSON.arrayNode().addAll(list));
        Arbitrary<String> names = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.of(READING_FIELDS)),
                Tuple.of(2, Arbitraries.of(GPS_FIELDS)),
                Tuple.of(1, Arbitraries.of(FAULT_FIELDS)),
                Tuple.of(1, Arbitraries.strings().ofMaxLength(6)));
        Arbitrary<JsonNode> objects = Arbitraries.maps(names, element).ofMaxSize(6).map(JsonArbitraries::objectOf);
        return Arbitraries.oneOf(arrays, objects);
    }

    private static Arbitrary<JsonNode> timestamps() {
        return Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.of("2026-11-23T08:05:00Z", "2026-11-23T09:05:00.250+01:00",
                        "2026-11-23T02:35:00-05:30", "2026-11-01T00:00:00Z").map(JSON::textNode)),
                Tuple.of(2, Arbitraries.longs().between(1_795_000_000_000L, 1_795_421_000_000L).map(JSON::numberNode)),
                Tuple.of(1, Arbitraries.of("2026-11-23T08:05:00", "2030-01-01T00:00:00Z", "2020-01-01T00:00:00Z",
                        "2026-02-30T00:00:00Z", "yesterday").map(JSON::textNode)));
    }

    /** A gps section: position usually complete, the other fields any subset. */
    private static Arbitrary<JsonNode> gps() {
        Arbitrary<JsonNode> others = someOf(List.of(
                Map.entry("alt", plausibleNumbers()), Map.entry("speedKmh", plausibleNumbers()),
                Map.entry("heading", plausibleNumbers()), Map.entry("hdop", plausibleNumbers()),
                Map.entry("sats", plausibleIntegers())), 0.5);
        Arbitrary<List<String>> position = Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.just(List.of("lat", "lon"))),
                Tuple.of(2, Arbitraries.just(List.<String>of())),
                Tuple.of(1, Arbitraries.of(List.of("lat"), List.of("lon"))));
        return Combinators.combine(others, position, plausibleNumbers(), plausibleNumbers())
                .as((section, names, latitude, longitude) -> {
                    ObjectNode node = ((ObjectNode) section).deepCopy();
                    for (String name : names) {
                        node.set(name, name.equals("lat") ? latitude : longitude);
                    }
                    return node;
                });
    }

    /** Mostly within every range of the contract (0 to 90 fits them all), now and then anything. */
    private static Arbitrary<JsonNode> plausibleNumbers() {
        return Arbitraries.frequencyOf(
                Tuple.of(20, Arbitraries.doubles().between(0, 90).ofScale(3).map(JSON::numberNode)),
                Tuple.of(1, scalars()));
    }

    private static Arbitrary<JsonNode> plausibleIntegers() {
        return Arbitraries.frequencyOf(
                Tuple.of(20, Arbitraries.integers().between(0, 31).map(JSON::numberNode)),
                Tuple.of(1, scalars()));
    }

    /** An object holding each of {@code fields} unless it is left out, with {@code absence} probability. */
    private static Arbitrary<JsonNode> someOf(List<Map.Entry<String, Arbitrary<JsonNode>>> fields, double absence) {
        List<Arbitrary<JsonNode>> values = fields.stream()
                .map(field -> field.getValue().injectNull(absence))
                .toList();
        return Combinators.combine(values).as(present -> {
            ObjectNode node = JSON.objectNode();
            for (int i = 0; i < fields.size(); i++) {
                if (present.get(i) != null) {
                    node.set(fields.get(i).getKey(), present.get(i));
                }
            }
            return node;
        });
    }

    private static JsonNode objectOf(Map<String, JsonNode> fields) {
        ObjectNode node = JSON.objectNode();
        fields.forEach(node::set);
        return node;
    }
}
