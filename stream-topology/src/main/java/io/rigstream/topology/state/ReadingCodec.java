package io.rigstream.topology.state;

import io.rigstream.topology.model.Reading;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/** Binary form of a {@link Reading}: the hottest state of the topology, one entry per reading in the horizon. */
final class ReadingCodec implements BinaryCodec<Reading> {

    private static final int VERSION = 1;

    @Override
    public void write(Reading r, DataOutputStream out) throws IOException {
        out.writeByte(VERSION);
        out.writeLong(r.deviceTs());
        Codecs.writeLong(out, r.seq());
        out.writeLong(r.fingerprint());
        Codecs.writeBoolean(out, r.running());
        Codecs.writeDouble(out, r.hourMeter());
        Codecs.writeDouble(out, r.idleHours());
        Codecs.writeDouble(out, r.loadPct());
        Codecs.writeDouble(out, r.speedKmh());
        Codecs.writeDouble(out, r.latitude());
        Codecs.writeDouble(out, r.longitude());
        Codecs.writeDouble(out, r.fuelPct());
        Codecs.writeDouble(out, r.fuelUsedLitres());
        Codecs.writeDouble(out, r.tankLitres());
        Codecs.writeDouble(out, r.odometerKm());
    }

    @Override
    public Reading read(DataInputStream in) throws IOException {
        Codecs.checkVersion(in, VERSION, "Reading");
        return new Reading(in.readLong(), Codecs.readLong(in), in.readLong(), Codecs.readBoolean(in),
                Codecs.readDouble(in), Codecs.readDouble(in), Codecs.readDouble(in), Codecs.readDouble(in),
                Codecs.readDouble(in), Codecs.readDouble(in), Codecs.readDouble(in), Codecs.readDouble(in),
                Codecs.readDouble(in), Codecs.readDouble(in));
    }
}
