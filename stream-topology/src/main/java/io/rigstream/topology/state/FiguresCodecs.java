package io.rigstream.topology.state;

import io.rigstream.schemas.ContractBasis;
import io.rigstream.topology.rules.JobDayFigures;
import io.rigstream.topology.rules.JobPeriodFigures;
import io.rigstream.topology.rules.Usage;
import io.rigstream.topology.rules.UsageFlag;
import io.rigstream.topology.rules.WindowFigures;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;

/** Binary forms of emitted window, job-day and job-period figures. */
final class FiguresCodecs {

    private static final int VERSION = 1;
    /** Job days: 2 added the allowance. */
    private static final int JOB_DAY_VERSION = 2;

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

    /** Version 2 added the allowance; version 1 is still read, its days marked as not recording it. */
    static final BinaryCodec<Emitted<JobDayFigures>> JOB_DAY = new BinaryCodec<>() {
        @Override
        public void write(Emitted<JobDayFigures> e, DataOutputStream out) throws IOException {
            out.writeByte(JOB_DAY_VERSION);
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
            out.writeLong(f.allowanceMs());
        }

        @Override
        public Emitted<JobDayFigures> read(DataInputStream in) throws IOException {
            int version = in.readUnsignedByte();
            if (version != 1 && version != JOB_DAY_VERSION) {
                throw new IOException("Emitted<JobDayFigures> encoding version " + version
                        + " is unknown to this release (expects 1 or " + JOB_DAY_VERSION + ")");
            }
            int revision = in.readInt();
            String jobId = in.readUTF();
            LocalDate day = LocalDate.ofEpochDay(in.readLong());
            ZoneId zone = ZoneId.of(in.readUTF());
            Usage usage = readUsage(in);
            long shift = in.readLong();
            long downtime = in.readLong();
            long available = in.readLong();
            long billable = in.readLong();
            long overtime = in.readLong();
            ContractBasis basis = ContractBasis.valueOf(in.readUTF());
            LocalDate periodStart = LocalDate.ofEpochDay(in.readLong());
            long allowance = version == 1 ? JobDayFigures.ALLOWANCE_NOT_RECORDED : in.readLong();
            return new Emitted<>(revision, new JobDayFigures(jobId, day, zone, usage, shift, downtime, available,
                    billable, overtime, allowance, basis, periodStart));
        }
    };

    static final BinaryCodec<Emitted<JobPeriodFigures>> JOB_PERIOD = new BinaryCodec<>() {
        @Override
        public void write(Emitted<JobPeriodFigures> e, DataOutputStream out) throws IOException {
            out.writeByte(VERSION);
            out.writeInt(e.revision());
            JobPeriodFigures f = e.figures();
            out.writeUTF(f.jobId());
            out.writeUTF(f.basis().name());
            out.writeLong(f.periodStart().toEpochDay());
            out.writeLong(f.periodEnd().toEpochDay());
            out.writeUTF(f.zone().getId());
            Codecs.writeLong(out, f.lastDay() == null ? null : f.lastDay().toEpochDay());
            out.writeInt(f.daysCounted());
            writeUsage(f.usage(), out);
            out.writeLong(f.shiftMs());
            out.writeLong(f.downtimeMs());
            out.writeLong(f.availableMs());
            out.writeLong(f.standbyMs());
            out.writeLong(f.billableMs());
            out.writeLong(f.allowanceMs());
            out.writeLong(f.overtimeMs());
        }

        @Override
        public Emitted<JobPeriodFigures> read(DataInputStream in) throws IOException {
            Codecs.checkVersion(in, VERSION, "Emitted<JobPeriodFigures>");
            int revision = in.readInt();
            String jobId = in.readUTF();
            ContractBasis basis = ContractBasis.valueOf(in.readUTF());
            LocalDate periodStart = LocalDate.ofEpochDay(in.readLong());
            LocalDate periodEnd = LocalDate.ofEpochDay(in.readLong());
            ZoneId zone = ZoneId.of(in.readUTF());
            Long lastDay = Codecs.readLong(in);
            int days = in.readInt();
            Usage usage = readUsage(in);
            return new Emitted<>(revision, new JobPeriodFigures(jobId, basis, periodStart, periodEnd, zone,
                    lastDay == null ? null : LocalDate.ofEpochDay(lastDay), days, usage, in.readLong(), in.readLong(),
                    in.readLong(), in.readLong(), in.readLong(), in.readLong(), in.readLong()));
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
