package io.rigstream.ingest.it;

import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The bridge scenarios on Debian's Mosquitto, started from {@code /usr/sbin/mosquitto} (or the PATH) on a free
 * loopback port. Skipped, with the reason in the report, where Mosquitto is not installed.
 */
class MosquittoIngestBridgeIT extends IngestBridgeScenarios {

    @RegisterExtension
    static final TestBed BED = TestBed.withMosquitto();

    @Override
    TestBed bed() {
        return BED;
    }
}
