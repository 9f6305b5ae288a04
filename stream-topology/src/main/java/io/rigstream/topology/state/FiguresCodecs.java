package io.rigstream.topology.state;

import io.rigstream.schemas.ContractBasis;
import io.rigstream.topology.rules.JobDayFigures;
import io.rigstream.topology.rules.Usage;
import io.rigstream.topology.rules.UsageFlag;
import io.rigstream.topology.rules.WindowFigures;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;

/** Binary forms of emitted window and job-day figures. */
final class FiguresCodecs {

    private static final int VERSION = 1;

    private FiguresCodecs() {
    }

    static final BinaryCodec<Emitted<WindowFigures>> WINDOW = new BinaryCodec<>() {
        @Override
        public void write(Emitted<WindowFigures> e, DataOutputStream out) throws IOException {
            out.writeByte(VERSION);
            out.writeInt(e.revision());
            WindowFigures f = e.figures();
            writeUsage(f.usage(), out);
            out.writeLong(f.shiftMs());
            out.writeLong(f.downtimeMs());
            Codecs.writeString(out, f.jobId());
        }

        @Override
        public Emitted<WindowFigures> read(DataInputStream in) throws IOException {
            Codecs.checkVersion(in, VERSION, "Emitted<WindowFigures>");
            int revision = in.readInt();
            return new Emitted<>(revision, new WindowFigures(readUsage(in), in.readLong(), in.readLong(),
                    Codecs.readString(in)));
        }
    };

    static final BinaryCodec<Emitted<JobDayFigures>> JOB_DAY = new BinaryCodec<>() {
        @Override
        public void write(Emitted<JobDayFigures> e, DataOutputStream out) throws IOException {
            out.writeByte(VERSION);
            out.writeInt(e.revision());
            JobDayFigures f = e.figures();
            out.writeUTF(f.jobId());
            out.writeLong(f.day().toEpochDay());
            out.writeUTF(f.zone().getId());
            writeUsage(f.usage(), out);
            out.writeLong(f.shiftMs());
            out.writeLong(f.downtimeMs());
            out.writeLong(f.availableMs());
            out.writeLong(f.billableMs());
            out.writeLong(f.overtimeMs());
            out.writeUTF(f.basis().name());
            out.writeLong(f.periodStart().toEpochDay());
        }

        @Override
        public Emitted<JobDayFigures> read(DataInputStream in) throws IOException {
            Codecs.checkVersion(in, VERSION, "Emitted<JobDayFigures>");
            int revision = in.readInt();
            return new Emitted<>(revision, new JobDayFigures(in.readUTF(), LocalDate.ofEpochDay(in.readLong()),
                    ZoneId.of(in.readUTF()), readUsage(in), in.readLong(), in.readLong(), in.readLong(), in.readLong(),
                    in.readLong(), ContractBasis.valueOf(in.readUTF()), LocalDate.ofEpochDay(in.readLong())));
        }
    };

    private static void writeUsage(Usage u, DataOutputStream out) throws IOException {
        out.writeLong(u.engineMs());
        out.writeLong(u.idleMs());
        out.writeLong(u.unknownMs());
        out.writeLong(u.fuelMl());
        out.writeLong(u.distanceM());
        out.writeShort(u.flags().size());
        for (UsageFlag flag : u.flags()) {
            out.writeUTF(flag.name());
        }
    }

    private static Usage readUsage(DataInputStream in) throws IOException {
        long engine = in.readLong();
        long idle = in.readLong();
        long unknown = in.readLong();
        long fuel = in.readLong();
        long distance = in.readLong();
        int count = in.readUnsignedShort();
        EnumSet<UsageFlag> flags = EnumSet.noneOf(UsageFlag.class);
        for (int i = 0; i < count; i++) {
            flags.add(UsageFlag.valueOf(in.readUTF()));
        }
        return new Usage(engine, idle, unknown, fuel, distance, flags);
    }
}
