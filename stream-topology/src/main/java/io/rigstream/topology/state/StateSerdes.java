package io.rigstream.topology.state;

import io.rigstream.topology.model.AssignmentHistory;
import io.rigstream.topology.model.AssignmentInterval;
import io.rigstream.topology.model.EquipmentProfileSettings;
import io.rigstream.topology.model.FaultReport;
import io.rigstream.topology.model.Reading;
import io.rigstream.topology.rules.JobDayFigures;
import io.rigstream.topology.rules.JobPeriodFigures;
import io.rigstream.topology.rules.WindowFigures;

/** Serdes of the topology's internal state and internal topics. None of them touches the schema registry. */
public final class StateSerdes {

    private StateSerdes() {
    }

    public static CodecSerde<Reading> reading() {
        return new CodecSerde<>(new ReadingCodec(), "Reading");
    }

    public static CodecSerde<FaultReport> faultReport() {
        return new CodecSerde<>(new FaultReportCodec(), "FaultReport");
    }

    public static CodecSerde<EquipmentStatus> equipmentStatus() {
        return new CodecSerde<>(new EquipmentStatusCodec(), "EquipmentStatus");
    }

    public static CodecSerde<AssignmentHistory> assignmentHistory() {
        return new CodecSerde<>(new AssignmentHistoryCodec(), "AssignmentHistory");
    }

    public static CodecSerde<AssignmentInterval> assignmentInterval() {
        return new CodecSerde<>(AssignmentHistoryCodec.INTERVAL, "AssignmentInterval");
    }

    public static CodecSerde<EquipmentProfileSettings> profile() {
        return new CodecSerde<>(new ProfileCodec(), "EquipmentProfileSettings");
    }

    public static CodecSerde<Emitted<WindowFigures>> emittedWindow() {
        return new CodecSerde<>(FiguresCodecs.WINDOW, "Emitted<WindowFigures>");
    }

    public static CodecSerde<Emitted<JobDayFigures>> emittedJobDay() {
        return new CodecSerde<>(FiguresCodecs.JOB_DAY, "Emitted<JobDayFigures>");
    }

    public static CodecSerde<Emitted<JobPeriodFigures>> emittedJobPeriod() {
        return new CodecSerde<>(FiguresCodecs.JOB_PERIOD, "Emitted<JobPeriodFigures>");
    }
}
