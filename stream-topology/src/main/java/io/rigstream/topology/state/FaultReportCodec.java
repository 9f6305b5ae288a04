package io.rigstream.topology.state;

import io.rigstream.topology.model.FaultReport;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

final class FaultReportCodec implements BinaryCodec<FaultReport> {

    private static final int VERSION = 1;

    @Override
    public void write(FaultReport report, DataOutputStream out) throws IOException {
        out.writeByte(VERSION);
        out.writeLong(report.deviceTs());
        Codecs.writeFaults(out, report.active());
    }

    @Override
    public FaultReport read(DataInputStream in) throws IOException {
        Codecs.checkVersion(in, VERSION, "FaultReport");
        return new FaultReport(in.readLong(), Codecs.readFaults(in));
    }
}
