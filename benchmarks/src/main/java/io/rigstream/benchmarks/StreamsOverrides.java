package io.rigstream.benchmarks;

import java.util.Properties;

/**
 * Kafka Streams settings given as {@code -Dstreams.<setting>=<value>}, applied alike to every Streams application a
 * benchmark runs (the topology and its pass-through baseline), so a tuning is never compared against an untuned
 * baseline.
 */
public final class StreamsOverrides {

    private static final String PREFIX = "streams.";

    private StreamsOverrides() {
    }

    /** Adds the overrides to {@code properties}, replacing what they name; returns {@code properties}. */
    public static Properties applyTo(Properties properties) {
        System.getProperties().stringPropertyNames().stream().filter(name -> name.startsWith(PREFIX))
                .forEach(name -> properties.put(name.substring(PREFIX.length()), System.getProperty(name)));
        return properties;
    }

    /** The overrides, for a report's header. */
    public static String describe() {
        Properties given = applyTo(new Properties());
        return given.isEmpty() ? "Streams defaults" : "Streams overrides " + given;
    }
}
