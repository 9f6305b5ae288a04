package io.rigstream.k8s.support;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;

/**
 * What a pass-through Kafka client setting may be: the service passes {@code kafka.producer.linger.ms} to its
 * producer as {@code linger.ms}, so {@code linger.ms} must be a producer setting. The Kafka clients' own definitions
 * decide; a misspelt key would otherwise only produce a warning in a log.
 */
public final class KafkaKeys {

    private static final List<String> STREAMS_CLIENT_PREFIXES = List.of("main.consumer.", "restore.consumer.",
            "global.consumer.", "consumer.", "producer.", "admin.");

    private KafkaKeys() {
    }

    /** Why {@code key} (with its pass-through prefix) is not a setting of the client it goes to; empty when it is. */
    public static Optional<String> problem(String prefix, String key) {
        String setting = key.substring(prefix.length());
        boolean ok = switch (prefix) {
            case "kafka.common." -> commonClientSettings().contains(setting);
            case "kafka.producer." -> ProducerConfig.configNames().contains(setting);
            case "kafka.consumer." -> ConsumerConfig.configNames().contains(setting);
            case "kafka.admin." -> AdminClientConfig.configNames().contains(setting);
            case "kafka.streams." -> streamsSetting(setting);
            default -> throw new IllegalArgumentException("Unknown pass-through prefix " + prefix);
        };
        return ok ? Optional.empty() : Optional.of(key + ": '" + setting + "' is not a setting of the " + prefix
                .replace("kafka.", "").replace(".", "") + " client(s) it is passed to");
    }

    /** Settings every client (producer, consumer, admin) has: security, bootstrap, client id, timeouts. */
    public static Set<String> commonClientSettings() {
        Set<String> common = new HashSet<>(ProducerConfig.configNames());
        common.retainAll(ConsumerConfig.configNames());
        common.retainAll(AdminClientConfig.configNames());
        return common;
    }

    private static boolean streamsSetting(String setting) {
        if (StreamsConfig.configDef().names().contains(setting)) {
            return true;
        }
        if (setting.startsWith("topic.")) {
            return true;
        }
        for (String clientPrefix : STREAMS_CLIENT_PREFIXES) {
            if (setting.startsWith(clientPrefix)) {
                String rest = setting.substring(clientPrefix.length());
                return clientPrefix.startsWith("admin") ? AdminClientConfig.configNames().contains(rest)
                        : clientPrefix.startsWith("producer") ? ProducerConfig.configNames().contains(rest)
                        : ConsumerConfig.configNames().contains(rest);
            }
        }
        return ProducerConfig.configNames().contains(setting) || ConsumerConfig.configNames().contains(setting)
                || AdminClientConfig.configNames().contains(setting);
    }
}
