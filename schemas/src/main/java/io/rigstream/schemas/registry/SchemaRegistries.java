package io.rigstream.schemas.registry;

import java.time.Duration;
import java.util.Optional;

/** Chooses the registry backend from its URL: {@code mock://<scope>} in-process, {@code http(s)://} over REST. */
public final class SchemaRegistries {

    public static final String MOCK_SCHEME = "mock://";

    private SchemaRegistries() {
    }

    public static boolean isMock(String url) {
        return url.startsWith(MOCK_SCHEME);
    }

    public static SchemaRegistryClient forUrl(String url, Optional<String> basicAuthUserInfo, Duration requestTimeout) {
        if (isMock(url)) {
            String scope = url.substring(MOCK_SCHEME.length());
            if (scope.isEmpty()) {
                throw new IllegalArgumentException("schema registry URL " + url + " needs a scope name: mock://<scope>");
            }
            return InMemorySchemaRegistry.scope(scope);
        }
        if (url.startsWith("http://") || url.startsWith("https://")) {
            return new HttpSchemaRegistryClient(url, basicAuthUserInfo, requestTimeout);
        }
        throw new IllegalArgumentException("schema registry URL " + url + " must start with mock://, http:// or https://");
    }
}
