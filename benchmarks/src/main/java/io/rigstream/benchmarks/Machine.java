package io.rigstream.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** What a benchmark report says about the machine it ran on, and the size of what it left on disk. */
public final class Machine {

    private Machine() {
    }

    /** The 1, 5 and 15 minute load averages, or "unknown" off Linux. */
    public static String loadAverage() {
        return firstLine(Path.of("/proc/loadavg"), "").map(line -> String.join(" ", List.of(line.split(" ")).subList(0, 3)))
                .orElse("unknown");
    }

    public static String cpuModel() {
        return firstLine(Path.of("/proc/cpuinfo"), "model name").map(line -> line.substring(line.indexOf(':') + 1).trim())
                .orElse("unknown CPU");
    }

    /** Bytes of the regular files under {@code directory}; 0 when it does not exist. */
    public static long bytesUnder(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    private static Optional<String> firstLine(Path file, String prefix) {
        try {
            return Files.readAllLines(file).stream().filter(line -> line.startsWith(prefix)).findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
