package io.rigstream.ingest.mqtt;

import io.rigstream.ingest.config.IngestConfig;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Optional;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

/** Builds the TLS socket factory for the broker connection from the configured trust and key stores. */
final class TlsSocketFactories {

    private TlsSocketFactories() {
    }

    static SSLSocketFactory create(IngestConfig.Tls tls) {
        try {
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(load(tls.trustStore(), tls.trustStorePassword()));
            KeyManagerFactory keys = null;
            if (tls.keyStore().isPresent()) {
                keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                keys.init(load(tls.keyStore().get(), tls.keyStorePassword()),
                        tls.keyStorePassword().map(String::toCharArray).orElse(new char[0]));
            }
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys == null ? null : keys.getKeyManagers(), trust.getTrustManagers(), null);
            return context.getSocketFactory();
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("Cannot set up TLS to the MQTT broker from " + tls.trustStore()
                    + tls.keyStore().map(k -> " and " + k).orElse("") + ": " + e.getMessage(), e);
        }
    }

    private static KeyStore load(Path path, Optional<String> password) throws GeneralSecurityException, IOException {
        KeyStore store = KeyStore.getInstance(path.toString().endsWith(".jks") ? "JKS" : "PKCS12");
        try (InputStream in = Files.newInputStream(path)) {
            store.load(in, password.map(String::toCharArray).orElse(null));
        }
        return store;
    }
}
