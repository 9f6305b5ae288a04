package io.rigstream.topology.state;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;

final class EquipmentStatusCodec implements BinaryCodec<EquipmentStatus> {

    /**
     * Version 2 added the open episodes' starts at the end, version 3 then the newest reading; older entries read with
     * none known.
     */
    private static final int VERSION = 3;
    private static final ReadingCodec READING = new ReadingCodec();

    @Override
    public void write(EquipmentStatus s, DataOutputStream out) throws IOException {
        out.writeByte(VERSION);
        out.writeLong(s.seqs.highWater());
        long[] bits = s.seqs.bits();
        out.writeShort(bits.length);
        for (long word : bits) {
            out.writeLong(word);
        }
        writeLatest(s.latest, out);
        out.writeLong(s.maxDeviceTs);
        out.writeLong(s.lastReportTs);
        out.writeLong(s.dirtyFrom);
        out.writeLong(s.dirtyTo);
        out.writeBoolean(s.stateChanged);
        out.writeLong(s.equipmentDayCursor);
        out.writeShort(s.jobDayCursors.size());
        for (Map.Entry<String, Long> cursor : s.jobDayCursors.entrySet()) {
            out.writeUTF(cursor.getKey());
            out.writeLong(cursor.getValue());
        }
        out.writeLong(s.silentSince);
        out.writeShort(s.openFaultEpisodes.size());
        for (Map.Entry<String, Long> episode : s.openFaultEpisodes.entrySet()) {
            out.writeUTF(episode.getKey());
            out.writeLong(episode.getValue());
        }
        out.writeLong(s.openDowntimeStart);
        out.writeBoolean(s.newest != null);
        if (s.newest != null) {
            READING.write(s.newest, out);
        }
    }

    @Override
    public EquipmentStatus read(DataInputStream in) throws IOException {
        int version = in.readUnsignedByte();
        if (version < 1 || version > VERSION) {
            throw new IOException("EquipmentStatus encoding version " + version + " is unknown to this release (expects "
                    + "1 to " + VERSION + ")");
        }
        long highWater = in.readLong();
        long[] bits = new long[in.readUnsignedShort()];
        for (int i = 0; i < bits.length; i++) {
            bits[i] = in.readLong();
        }
        LatestState latest = readLatest(in);
        long maxDeviceTs = in.readLong();
        long lastReportTs = in.readLong();
        long dirtyFrom = in.readLong();
        long dirtyTo = in.readLong();
        boolean stateChanged = in.readBoolean();
        long equipmentDayCursor = in.readLong();
        int jobs = in.readUnsignedShort();
        Map<String, Long> cursors = new TreeMap<>();
        for (int i = 0; i < jobs; i++) {
            cursors.put(in.readUTF(), in.readLong());
        }
        EquipmentStatus s = new EquipmentStatus(new SeqWindow(highWater, bits), latest, cursors);
        s.maxDeviceTs = maxDeviceTs;
        s.lastReportTs = lastReportTs;
        s.dirtyFrom = dirtyFrom;
        s.dirtyTo = dirtyTo;
        s.stateChanged = stateChanged;
        s.equipmentDayCursor = equipmentDayCursor;
        s.silentSince = in.readLong();
        if (version >= 2) {
            int episodes = in.readUnsignedShort();
            for (int i = 0; i < episodes; i++) {
                s.openFaultEpisodes.put(in.readUTF(), in.readLong());
            }
            s.openDowntimeStart = in.readLong();
        }
        if (version >= 3 && in.readBoolean()) {
            s.newest = READING.read(in);
        }
        return s;
    }

    private static void writeLatest(LatestState l, DataOutputStream out) throws IOException {
        out.writeLong(l.lastDeviceTs);
        out.writeLong(l.positionTs);
        Codecs.writeDouble(out, l.latitude);
        Codecs.writeDouble(out, l.longitude);
        out.writeLong(l.meterTs);
        Codecs.writeDouble(out, l.hourMeter);
        out.writeLong(l.engineTs);
        Codecs.writeBoolean(out, l.running);
        out.writeLong(l.fuelTs);
        Codecs.writeDouble(out, l.fuelPct);
        out.writeLong(l.tankTs);
        Codecs.writeDouble(out, l.tankLitres);
        out.writeLong(l.faultsTs);
        Codecs.writeFaults(out, l.activeFaults);
    }

    private static LatestState readLatest(DataInputStream in) throws IOException {
        LatestState l = new LatestState();
        l.lastDeviceTs = in.readLong();
        l.positionTs = in.readLong();
        l.latitude = Codecs.readDouble(in);
        l.longitude = Codecs.readDouble(in);
        l.meterTs = in.readLong();
        l.hourMeter = Codecs.readDouble(in);
        l.engineTs = in.readLong();
        l.running = Codecs.readBoolean(in);
        l.fuelTs = in.readLong();
        l.fuelPct = Codecs.readDouble(in);
        l.tankTs = in.readLong();
        l.tankLitres = Codecs.readDouble(in);
        l.faultsTs = in.readLong();
        l.activeFaults = Codecs.readFaults(in);
        return l;
    }
}
