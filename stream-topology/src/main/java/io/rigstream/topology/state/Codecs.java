package io.rigstream.topology.state;

import io.rigstream.schemas.Lamp;
import io.rigstream.topology.model.FaultCode;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Encodings of optional values and common parts shared by the state codecs. */
final class Codecs {

    private Codecs() {
    }

    static void checkVersion(DataInputStream in, int expected, String type) throws IOException {
        int version = in.readUnsignedByte();
        if (version != expected) {
            throw new IOException(type + " encoding version " + version + " is unknown to this release (expects "
                    + expected + ")");
        }
    }

    static void writeDouble(DataOutputStream out, Double value) throws IOException {
        out.writeBoolean(value != null);
        if (value != null) {
            out.writeDouble(value);
        }
    }

    static Double readDouble(DataInputStream in) throws IOException {
        return in.readBoolean() ? in.readDouble() : null;
    }

    static void writeLong(DataOutputStream out, Long value) throws IOException {
        out.writeBoolean(value != null);
        if (value != null) {
            out.writeLong(value);
        }
    }

    static Long readLong(DataInputStream in) throws IOException {
        return in.readBoolean() ? in.readLong() : null;
    }

    /** Unknown, false, true as 0, 1, 2. */
    static void writeBoolean(DataOutputStream out, Boolean value) throws IOException {
        out.writeByte(value == null ? 0 : value ? 2 : 1);
    }

    static Boolean readBoolean(DataInputStream in) throws IOException {
        int b = in.readUnsignedByte();
        return b == 0 ? null : b == 2;
    }

    static void writeString(DataOutputStream out, String value) throws IOException {
        out.writeBoolean(value != null);
        if (value != null) {
            out.writeUTF(value);
        }
    }

    static String readString(DataInputStream in) throws IOException {
        return in.readBoolean() ? in.readUTF() : null;
    }

    static void writeFaults(DataOutputStream out, List<FaultCode> faults) throws IOException {
        out.writeShort(faults.size());
        for (FaultCode fault : faults) {
            out.writeInt(fault.spn());
            out.writeByte(fault.fmi());
            out.writeUTF(fault.lamp().name());
        }
    }

    static List<FaultCode> readFaults(DataInputStream in) throws IOException {
        int count = in.readUnsignedShort();
        List<FaultCode> faults = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            faults.add(new FaultCode(in.readInt(), in.readUnsignedByte(), Lamp.valueOf(in.readUTF())));
        }
        return faults;
    }
}
