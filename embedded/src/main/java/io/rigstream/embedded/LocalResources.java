package io.rigstream.embedded;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What the brokers started here share: a free loopback port, and a temporary directory removed afterwards. */
final class LocalResources {

    private static final Logger LOG = LoggerFactory.getLogger(LocalResources.class);

    private LocalResources() {
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }

    /** Removes a broker's temporary directory; failing to is worth a warning, not a failed shutdown. */
    static void deleteRecursively(Path root) {
        try {
            TempDirectories.deleteRecursively(root);
        } catch (java.io.UncheckedIOException e) {
            LOG.warn("Could not remove {}", root, e);
        }
    }
}
