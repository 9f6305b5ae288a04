package io.rigstream.runtime.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;

/**
 * Secrets come either inline (environment, file of properties) or, preferably, from a file of their own such as a
 * mounted Kubernetes Secret: a value {@code file:/path} is replaced by that file's content, trimmed.
 * The value is kept as Kafka's {@link Password}, whose {@code toString()} is {@code [hidden]}.
 */
public final class Secrets {

    private static final String FILE_PREFIX = "file:";

    private Secrets() {
    }

    public static Optional<String> resolve(String key, Password password) {
        if (password == null || password.value().isEmpty()) {
            return Optional.empty();
        }
        String value = password.value();
        if (!value.startsWith(FILE_PREFIX)) {
            return Optional.of(value);
        }
        Path file = Path.of(value.substring(FILE_PREFIX.length()));
        try {
            return Optional.of(Files.readString(file, StandardCharsets.UTF_8).trim());
        } catch (IOException e) {
            throw new ConfigException(key + ": cannot read the secret file " + file + " (" + e.getClass().getSimpleName() + ")");
        }
    }
}
