package io.rigstream.odoo.sink.config;

/** The topics the sink reads, the dead-letter topic it writes, and its consumer group. */
public record SinkTopics(String usage, String maintenance, String downtime, String deadLetter, String groupId) {
}
