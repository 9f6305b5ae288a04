package io.rigstream.topology.processing;

import io.rigstream.topology.model.Reading;
import io.rigstream.topology.state.EquipmentStatus;
import java.util.Objects;

/**
 * Rule 1: a reading's identity is its {@code seq} when it has one, else its device time. The recent seqs are in the
 * equipment's {@link io.rigstream.topology.state.SeqWindow}; the stored reading at the same device time tells a
 * plain re-send (same content) from a conflict (same identity, other content).
 */
final class Deduplicator {

    enum Verdict {
        NEW,
        DUPLICATE,
        CONFLICT,
        /** Another reading holds the same device time but this one sorts first: it takes the place, deterministically. */
        REPLACES_STORED
    }

    private Deduplicator() {
    }

    /** @param stored the reading stored at the same device time, or null */
    static Verdict check(EquipmentStatus status, Reading reading, Reading stored) {
        if (reading.seq() != null && status.seqs().seen(reading.seq())) {
            boolean same = stored != null && reading.seq().equals(stored.seq())
                    && stored.fingerprint() == reading.fingerprint();
            return same ? Verdict.DUPLICATE : Verdict.CONFLICT;
        }
        if (stored == null) {
            return Verdict.NEW;
        }
        if (Objects.equals(stored.seq(), reading.seq())) {
            return stored.fingerprint() == reading.fingerprint() ? Verdict.DUPLICATE : Verdict.CONFLICT;
        }
        // Two identities at one device time: keep the lower seq whichever came first, so the outcome is order-free.
        return reading.precedes(stored) ? Verdict.REPLACES_STORED : Verdict.CONFLICT;
    }
}
