package io.rigstream.topology.state;

import io.rigstream.schemas.ContractBasis;
import io.rigstream.topology.model.AssignmentHistory;
import io.rigstream.topology.model.AssignmentInterval;
import io.rigstream.topology.model.Contract;
import io.rigstream.topology.model.ShiftCalendar;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

final class AssignmentHistoryCodec implements BinaryCodec<AssignmentHistory> {

    private static final int VERSION = 1;

    /** One assignment, also the value type of the assignments-by-equipment repartition topic. */
    static final BinaryCodec<AssignmentInterval> INTERVAL = new BinaryCodec<>() {
        @Override
        public void write(AssignmentInterval a, DataOutputStream out) throws IOException {
            out.writeByte(VERSION);
            writeInterval(a, out);
        }

        @Override
        public AssignmentInterval read(DataInputStream in) throws IOException {
            Codecs.checkVersion(in, VERSION, "AssignmentInterval");
            return readInterval(in);
        }
    };

    @Override
    public void write(AssignmentHistory history, DataOutputStream out) throws IOException {
        out.writeByte(VERSION);
        out.writeShort(history.assignments().size());
        for (AssignmentInterval a : history.assignments()) {
            writeInterval(a, out);
        }
    }

    @Override
    public AssignmentHistory read(DataInputStream in) throws IOException {
        Codecs.checkVersion(in, VERSION, "AssignmentHistory");
        int count = in.readUnsignedShort();
        List<AssignmentInterval> assignments = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            assignments.add(readInterval(in));
        }
        return new AssignmentHistory(assignments);
    }

    private static void writeInterval(AssignmentInterval a, DataOutputStream out) throws IOException {
        out.writeUTF(a.assignmentId());
        out.writeUTF(a.equipment());
        out.writeUTF(a.jobId());
        out.writeLong(a.validFrom());
        out.writeLong(a.validTo());
        out.writeUTF(a.zone().getId());
        int days = 0;
        for (DayOfWeek day : a.shift().workingDays()) {
            days |= 1 << day.ordinal();
        }
        out.writeByte(days);
        out.writeInt(a.shift().start().toSecondOfDay());
        out.writeInt(a.shift().end().toSecondOfDay());
        Contract c = a.contract();
        out.writeUTF(c.basis().name());
        out.writeDouble(c.allowanceHours());
        out.writeDouble(c.minimumDailyHours());
        out.writeBoolean(c.downtimeCredit());
        out.writeLong(c.contractStart().toEpochDay());
    }

    private static AssignmentInterval readInterval(DataInputStream in) throws IOException {
        String id = in.readUTF();
        String equipment = in.readUTF();
        String job = in.readUTF();
        long from = in.readLong();
        long to = in.readLong();
        ZoneId zone = ZoneId.of(in.readUTF());
        int days = in.readUnsignedByte();
        Set<DayOfWeek> workingDays = EnumSet.noneOf(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            if ((days & (1 << day.ordinal())) != 0) {
                workingDays.add(day);
            }
        }
        ShiftCalendar shift = new ShiftCalendar(workingDays, LocalTime.ofSecondOfDay(in.readInt()),
                LocalTime.ofSecondOfDay(in.readInt()));
        Contract contract = new Contract(ContractBasis.valueOf(in.readUTF()), in.readDouble(), in.readDouble(),
                in.readBoolean(), LocalDate.ofEpochDay(in.readLong()));
        return new AssignmentInterval(id, equipment, job, from, to, zone, shift, contract);
    }
}
