package io.rigstream.topology.state;

import io.rigstream.topology.model.EquipmentProfileSettings;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

final class ProfileCodec implements BinaryCodec<EquipmentProfileSettings> {

    private static final int VERSION = 1;

    @Override
    public void write(EquipmentProfileSettings p, DataOutputStream out) throws IOException {
        out.writeByte(VERSION);
        out.writeShort(p.serviceTiersHours().size());
        for (int tier : p.serviceTiersHours()) {
            out.writeInt(tier);
        }
        out.writeDouble(p.serviceLeadHours());
        Codecs.writeDouble(out, p.tankLitres());
        out.writeDouble(p.idleMaxSpeedKmh());
        out.writeDouble(p.idleMaxLoadPct());
    }

    @Override
    public EquipmentProfileSettings read(DataInputStream in) throws IOException {
        Codecs.checkVersion(in, VERSION, "EquipmentProfileSettings");
        int count = in.readUnsignedShort();
        List<Integer> tiers = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            tiers.add(in.readInt());
        }
        return new EquipmentProfileSettings(tiers, in.readDouble(), Codecs.readDouble(in), in.readDouble(),
                in.readDouble());
    }
}
