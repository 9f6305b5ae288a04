package io.rigstream.topology.processing;

import io.rigstream.schemas.EngineStatus;
import io.rigstream.schemas.Fault;
import io.rigstream.schemas.FuelStatus;
import io.rigstream.schemas.Location;
import io.rigstream.schemas.TelemetryReading;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.util.Utf8;

/**
 * A 64-bit FNV-1a hash of a reading's whole content except its receipt time: two arrivals of one reading differ only
 * in when they arrived. Its value is the hash of the reading's Avro single-object encoding ({@code toByteBuffer()})
 * with the receipt time at the epoch, which is what earlier versions computed and stored with each reading.
 *
 * <p>It is computed field by field, feeding the hash the bytes Avro's binary encoding would produce, because running
 * Avro's writer into the hash was 7 % of the topology's stream thread. The field order follows the reading schema;
 * {@code ContentFingerprintTest} checks the result against the single-object encoding for random readings and fails
 * when the schema changes, so that a new field cannot be left out of the hash unnoticed.
 */
final class ContentFingerprint {

    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;
    /** The single-object encoding's header: marker C3 01, then the schema's CRC-64-AVRO fingerprint, little-endian. */
    private static final long HEADER_HASH = header();

    private long value;

    private ContentFingerprint(long start) {
        this.value = start;
    }

    static long of(TelemetryReading r) {
        ContentFingerprint h = new ContentFingerprint(HEADER_HASH);
        h.string(r.getTenant());
        h.string(r.getEquipmentId());
        h.varLong(r.getDeviceTs().toEpochMilli());
        h.optionalLong(r.getSeq());
        h.varLong(0); // the receipt time, blanked to the epoch
        h.location(r.getGps());
        h.engine(r.getEngine());
        h.fuel(r.getFuel());
        h.optionalDouble(r.getCumulativeDistanceKm());
        h.faults(r.getFaults());
        h.ext(r.getExt());
        return h.value;
    }

    private void location(Location gps) {
        if (present(gps)) {
            optionalDouble(gps.getLatitude());
            optionalDouble(gps.getLongitude());
            optionalDouble(gps.getAltitudeMetres());
            optionalDouble(gps.getSpeedKmh());
            optionalDouble(gps.getHeadingDegrees());
            optionalDouble(gps.getHdop());
            optionalInt(gps.getSatellites());
        }
    }

    private void engine(EngineStatus engine) {
        if (present(engine)) {
            if (present(engine.getRunning())) {
                bool(engine.getRunning());
            }
            optionalDouble(engine.getCumulativeOperatingHours());
            optionalDouble(engine.getCumulativeIdleHours());
            optionalDouble(engine.getRpm());
            optionalDouble(engine.getLoadPct());
        }
    }

    private void fuel(FuelStatus fuel) {
        if (present(fuel)) {
            optionalDouble(fuel.getRemainingPct());
            optionalDouble(fuel.getCumulativeUsedLitres());
            optionalDouble(fuel.getTankCapacityLitres());
        }
    }

    /** An array is written as one block of its items (count first) and a terminating empty block. */
    private void faults(List<Fault> faults) {
        if (present(faults)) {
            if (!faults.isEmpty()) {
                varLong(faults.size());
                for (Fault fault : faults) {
                    varLong(fault.getSpn());
                    varLong(fault.getFmi());
                    varLong(fault.getLamp().ordinal());
                    bool(fault.getActive());
                    optionalInt(fault.getOccurrenceCount());
                    optionalInt(fault.getSourceAddress());
                }
            }
            varLong(0);
        }
    }

    /** A map is written like an array, each item its key then its value; values are a union of four types. */
    private void ext(Map<? extends CharSequence, ?> ext) {
        if (!ext.isEmpty()) {
            varLong(ext.size());
            for (Map.Entry<? extends CharSequence, ?> entry : ext.entrySet()) {
                string(entry.getKey());
                Object v = entry.getValue();
                if (v instanceof CharSequence s) {
                    varLong(0);
                    string(s);
                } else if (v instanceof Long l) {
                    varLong(1);
                    varLong(l);
                } else if (v instanceof Double d) {
                    varLong(2);
                    doubleBits(d);
                } else if (v instanceof Boolean b) {
                    varLong(3);
                    bool(b);
                } else {
                    throw new IllegalArgumentException("ext value " + entry.getKey() + " is a "
                            + (v == null ? "null" : v.getClass().getSimpleName())
                            + ", not one of the schema's string, long, double, boolean");
                }
            }
        }
        varLong(0);
    }

    /** A union of null and a type: the branch index, 0 for null and 1 for the value. */
    private boolean present(Object value) {
        varLong(value == null ? 0 : 1);
        return value != null;
    }

    private void optionalLong(Long v) {
        if (present(v)) {
            varLong(v);
        }
    }

    private void optionalInt(Integer v) {
        if (present(v)) {
            varLong(v);
        }
    }

    private void optionalDouble(Double v) {
        if (present(v)) {
            doubleBits(v);
        }
    }

    /** Its UTF-8 bytes, length first; a decoded {@link Utf8}'s buffer may be longer than its content. */
    private void string(CharSequence s) {
        if (s instanceof Utf8 utf8) {
            bytes(utf8.getBytes(), utf8.getByteLength());
        } else {
            byte[] encoded = s.toString().getBytes(StandardCharsets.UTF_8);
            bytes(encoded, encoded.length);
        }
    }

    private void bytes(byte[] bytes, int length) {
        varLong(length);
        for (int i = 0; i < length; i++) {
            add(bytes[i]);
        }
    }

    private void bool(boolean b) {
        add(b ? 1 : 0);
    }

    /** Little-endian IEEE 754 bits. */
    private void doubleBits(double d) {
        long bits = Double.doubleToRawLongBits(d);
        for (int i = 0; i < 8; i++) {
            add((int) (bits >>> (8 * i)));
        }
    }

    /** Zig-zag, then 7 bits a byte, low bits first; ints are written the same way. */
    private void varLong(long n) {
        long zigzag = (n << 1) ^ (n >> 63);
        while ((zigzag & ~0x7FL) != 0) {
            add((int) ((zigzag & 0x7F) | 0x80));
            zigzag >>>= 7;
        }
        add((int) zigzag);
    }

    private void add(int b) {
        value ^= b & 0xff;
        value *= FNV_PRIME;
    }

    private static long header() {
        ContentFingerprint h = new ContentFingerprint(FNV_OFFSET);
        h.add(0xC3);
        h.add(0x01);
        long schema = SchemaNormalization.parsingFingerprint64(TelemetryReading.getClassSchema());
        for (int i = 0; i < 8; i++) {
            h.add((int) (schema >>> (8 * i)));
        }
        return h.value;
    }
}
