package io.rigstream.odoo.sink;

import io.rigstream.odoo.sink.config.OdooSinkConfig;
import io.rigstream.runtime.config.ConfigInput;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificRecord;

/** Realistic records kept as Avro JSON files under {@code fixtures/}, and configurations for tests. */
public final class Fixtures {

    private Fixtures() {
    }

    public static <T extends SpecificRecord> T read(Class<T> type, String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            var schema = SpecificData.get().getSchema(type);
            return new SpecificDatumReader<T>(schema).read(null, DecoderFactory.get().jsonDecoder(schema, in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A live configuration for the stand-in's user, with limits loose enough for fast tests, plus {@code overrides}. */
    public static OdooSinkConfig live(String odooUrl, Map<String, String> overrides) {
        Map<String, String> values = liveValues(odooUrl);
        values.put(OdooSinkConfig.RATE_REQUESTS, "200");
        values.put(OdooSinkConfig.RATE_RECORDS, "100000");
        values.putAll(overrides);
        return config(values);
    }

    /** Live mode as the stand-in's user, with a short request timeout. */
    public static Map<String, String> liveValues(String odooUrl) {
        Map<String, String> values = new HashMap<>();
        values.put(OdooSinkConfig.MODE, "live");
        values.put(OdooSinkConfig.URL, odooUrl);
        values.put(OdooSinkConfig.DATABASE, "telematics");
        values.put(OdooSinkConfig.USERNAME, "admin");
        values.put(OdooSinkConfig.API_KEY, "rigstream-test-api-key");
        values.put(OdooSinkConfig.REQUEST_TIMEOUT_MS, "5000");
        return values;
    }

    /** A dry-run configuration plus {@code overrides}. */
    public static OdooSinkConfig config(Map<String, String> overrides) {
        Map<String, String> values = new HashMap<>();
        values.put(OdooSinkConfig.MODE, "dry-run");
        values.put("schema.registry.url", "mock://odoo-sink-test");
        values.put("schema.registry.allow-mock", "true");
        values.putAll(overrides);
        return OdooSinkConfig.from(ConfigInput.ofValues(values));
    }
}
