package io.rigstream.odoo.sink.config;

import java.time.Duration;

/**
 * @param maxRecords    records combined into one {@code load} call
 * @param linger        longest a record waits for its batch to fill
 * @param bufferRecords records held per lane before its partitions are paused
 */
public record BatchSettings(int maxRecords, Duration linger, int bufferRecords) {
}
