package io.rigstream.ingest.it;

import org.junit.jupiter.api.extension.RegisterExtension;

/** The bridge scenarios on the embedded HiveMQ Community Edition. */
class HiveMqIngestBridgeIT extends IngestBridgeScenarios {

    @RegisterExtension
    static final TestBed BED = TestBed.withHiveMq();

    @Override
    TestBed bed() {
        return BED;
    }
}
