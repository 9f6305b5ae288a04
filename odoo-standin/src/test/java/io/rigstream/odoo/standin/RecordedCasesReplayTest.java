package io.rigstream.odoo.standin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The stand-in's contract: every request recorded from a real Odoo 17 server, replayed in the recorded order against
 * a fresh stand-in, gets an answer of the same shape (same members, same array lengths, same JSON types), with the
 * same HTTP status and content type, the same error class and message, and the same {@code load} row messages.
 */
class RecordedCasesReplayTest {

    private static final int CASES = 29;
    /** Answers that do not depend on ids handed out by sequences, so must match to the value. */
    private static final Set<String> EXACT_RESULTS = Set.of("authenticate-ok", "authenticate-wrong-password",
            "read-missing-record", "search-read-equipment-by-serial", "create-equipment", "create-request",
            "create-request-batch", "create-project");

    private static OdooStandin standin;
    private static HttpProbe probe;

    @BeforeAll
    static void start() {
        standin = OdooStandin.start();
        probe = new HttpProbe(standin.url());
    }

    @AfterAll
    static void stop() {
        standin.close();
    }

    @Test
    void everyRecordedCaseIsAnsweredAsTheRealServerAnsweredIt() throws Exception {
        List<String> mismatches = new ArrayList<>();
        for (int number = 1; number <= CASES; number++) {
            JsonNode recorded = recordedCase(number);
            String name = recorded.get("case").asText();
            JsonNode request = recorded.get("request");
            String body = request.isTextual() ? request.asText() : HttpProbe.JSON.writeValueAsString(request);
            HttpProbe.Answer answer = probe.post("/jsonrpc", recorded.get("request_content_type").asText(), body, Map.of());

            check(mismatches, name, "status", recorded.get("http_status").asInt(), answer.status());
            check(mismatches, name, "content type", mediaType(recorded.get("response_content_type").asText()),
                    mediaType(answer.contentType()));
            JsonNode expected = recorded.get("response");
            if (expected.isTextual()) {
                check(mismatches, name, "body", expected.asText(), answer.body());
                continue;
            }
            JsonNode actual = answer.json();
            sameShape(mismatches, name, "", expected, actual);
            check(mismatches, name, "error class", expected.at("/error/data/name"), actual.at("/error/data/name"));
            check(mismatches, name, "error message", expected.at("/error/data/message"), actual.at("/error/data/message"));
            check(mismatches, name, "load messages", expected.at("/result/messages"), actual.at("/result/messages"));
            if (EXACT_RESULTS.contains(name)) {
                check(mismatches, name, "result", expected.get("result"), actual.get("result"));
            }
        }
        assertThat(mismatches).isEmpty();
    }

    @Test
    void allRecordedCasesAreReplayed() throws IOException {
        assertThat(recordedCase(CASES).get("case").asText()).isEqualTo("malformed-json");
        assertThat(getClass().getResourceAsStream(String.format("/recorded-17.0/%02d-", CASES + 1))).isNull();
    }

    private static JsonNode recordedCase(int number) throws IOException {
        String prefix = String.format("%02d-", number);
        try (InputStream listing = RecordedCasesReplayTest.class.getResourceAsStream("/recorded-17.0/")) {
            String file = new String(listing.readAllBytes()).lines().filter(line -> line.startsWith(prefix)).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no recorded case " + prefix));
            try (InputStream in = RecordedCasesReplayTest.class.getResourceAsStream("/recorded-17.0/" + file)) {
                return HttpProbe.JSON.readTree(in);
            }
        }
    }

    private static String mediaType(String contentType) {
        return contentType.split(";")[0].trim().toLowerCase();
    }

    private static void check(List<String> mismatches, String name, String what, Object expected, Object actual) {
        if (!expected.equals(actual)) {
            mismatches.add(name + ": " + what + " expected " + expected + " but was " + actual);
        }
    }

    private static void sameShape(List<String> mismatches, String name, String path, JsonNode expected, JsonNode actual) {
        if (expected.getNodeType() != actual.getNodeType()) {
            mismatches.add(name + ": " + path + " is " + actual.getNodeType() + ", recorded " + expected.getNodeType());
            return;
        }
        if (expected.isObject()) {
            Set<String> expectedKeys = fieldNames(expected);
            Set<String> actualKeys = fieldNames(actual);
            if (!expectedKeys.equals(actualKeys)) {
                mismatches.add(name + ": " + path + " has members " + actualKeys + ", recorded " + expectedKeys);
                return;
            }
            expectedKeys.forEach(key -> sameShape(mismatches, name, path + "/" + key, expected.get(key), actual.get(key)));
        } else if (expected.isArray()) {
            if (expected.size() != actual.size()) {
                mismatches.add(name + ": " + path + " has " + actual.size() + " items, recorded " + expected.size());
                return;
            }
            for (int i = 0; i < expected.size(); i++) {
                sameShape(mismatches, name, path + "/" + i, expected.get(i), actual.get(i));
            }
        }
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new TreeSet<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }
}
