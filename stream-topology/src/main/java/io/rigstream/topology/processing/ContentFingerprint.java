package io.rigstream.topology.processing;

import io.rigstream.schemas.TelemetryReading;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;

/**
 * A 64-bit FNV-1a hash of a reading's whole content except its receipt time, over its Avro single-object encoding:
 * two arrivals of one reading differ only in when they arrived. The reading is encoded straight into the hash, its
 * receipt time blanked in place and restored, because copying the record to blank it was the costliest step of
 * taking a reading in. The value equals that of hashing {@code toByteBuffer()} of a copy with the receipt time at the
 * epoch, so fingerprints stored by earlier versions still match.
 */
final class ContentFingerprint {

    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;
    private static final SpecificDatumWriter<TelemetryReading> WRITER = new SpecificDatumWriter<>(TelemetryReading.getClassSchema());
    /** The single-object encoding's header: marker C3 01, then the schema's CRC-64-AVRO fingerprint, little-endian. */
    private static final long HEADER_HASH = header();

    private ContentFingerprint() {
    }

    static long of(TelemetryReading reading) {
        Instant received = reading.getReceivedTs();
        reading.setReceivedTs(Instant.EPOCH);
        try {
            FnvStream hash = new FnvStream(HEADER_HASH);
            BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(hash, null);
            WRITER.write(reading, encoder);
            encoder.flush();
            return hash.value;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            reading.setReceivedTs(received);
        }
    }

    private static long header() {
        FnvStream hash = new FnvStream(FNV_OFFSET);
        hash.write(0xC3);
        hash.write(0x01);
        long schema = SchemaNormalization.parsingFingerprint64(TelemetryReading.getClassSchema());
        for (int i = 0; i < 8; i++) {
            hash.write((int) (schema >>> (8 * i)));
        }
        return hash.value;
    }

    /** Hashes what is written to it. */
    private static final class FnvStream extends OutputStream {
        private long value;

        FnvStream(long start) {
            this.value = start;
        }

        @Override
        public void write(int b) {
            value ^= b & 0xff;
            value *= FNV_PRIME;
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            for (int i = offset; i < offset + length; i++) {
                write(bytes[i]);
            }
        }
    }
}
