package io.rigstream.topology.state;

import static io.rigstream.topology.testing.Assignments.assignment;
import static io.rigstream.topology.testing.Assignments.contract;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rigstream.schemas.ContractBasis;
import io.rigstream.schemas.Lamp;
import io.rigstream.topology.model.AssignmentHistory;
import io.rigstream.topology.model.EquipmentProfileSettings;
import io.rigstream.topology.model.FaultCode;
import io.rigstream.topology.model.FaultReport;
import io.rigstream.topology.model.Reading;
import io.rigstream.topology.rules.JobDayFigures;
import io.rigstream.topology.rules.JobPeriodFigures;
import io.rigstream.topology.rules.Usage;
import io.rigstream.topology.rules.UsageFlag;
import io.rigstream.topology.rules.WindowFigures;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class StateSerdesTest {

    private static <T> T roundTrip(CodecSerde<T> serde, T value) {
        return serde.fromBytes(serde.toBytes(value));
    }

    @Test
    void readingsRoundTripWithMissingFields() {
        Reading full = new Reading(1_700_000_000_000L, 42L, -7L, true, 1234.5, 200.25, 35.0, 3.5, 52.1, 13.4, 80.0,
                5000.0, 400.0, 1234.0);
        Reading sparse = new Reading(5, null, 0, null, null, null, null, null, null, null, null, null, null, null);
        assertThat(roundTrip(StateSerdes.reading(), full)).isEqualTo(full);
        assertThat(roundTrip(StateSerdes.reading(), sparse)).isEqualTo(sparse);
    }

    @Test
    void anEncodingAfterALargerOneHoldsOnlyItsOwnBytes() {
        CodecSerde<FaultReport> serde = StateSerdes.faultReport();
        List<FaultCode> many = new ArrayList<>();
        for (int spn = 0; spn < 200; spn++) {
            many.add(new FaultCode(spn, 1, Lamp.AMBER));
        }
        FaultReport large = new FaultReport(1, many);
        FaultReport small = new FaultReport(2, List.of(new FaultCode(110, 0, Lamp.RED)));

        byte[] largeBytes = serde.toBytes(large);
        byte[] smallBytes = serde.toBytes(small);

        assertThat(smallBytes.length).isLessThan(largeBytes.length / 10);
        assertThat(serde.fromBytes(smallBytes)).isEqualTo(small);
        assertThat(serde.fromBytes(largeBytes)).isEqualTo(large);
    }

    @Test
    void faultReportsRoundTrip() {
        FaultReport report = new FaultReport(9, List.of(new FaultCode(524287, 31, Lamp.RED), new FaultCode(1, 0, Lamp.NONE)));
        assertThat(roundTrip(StateSerdes.faultReport(), report)).isEqualTo(report);
    }

    @Test
    void equipmentStatusRoundTrips() {
        EquipmentStatus status = new EquipmentStatus(1024);
        status.seqs().record(77);
        status.seqs().record(70);
        Reading newest = new Reading(1000, 77L, 0, true, 10.0, null, null, null, 52.0, 13.0, 55.0, null, null, null);
        status.recordArrival(newest, 2000);
        status.recordArrival(new Reading(900, 70L, 0, true, 9.9, null, null, null, 52.0, 13.0, 55.0, null, null, null),
                2100);
        status.latest().apply(newest);
        status.latest().apply(new FaultReport(1000, List.of(new FaultCode(110, 0, Lamp.RED))));
        status.markDirty(100, 200);
        status.markStateChanged();
        status.equipmentDayCursor(LocalDate.of(2024, 3, 4));
        status.jobDayCursor("job-1", LocalDate.of(2024, 3, 3));
        status.silentSince(1500);
        status.faultEpisodeOpened("110.0", 900);
        status.downtimeOpened(900);

        EquipmentStatus copy = roundTrip(StateSerdes.equipmentStatus(), status);

        assertThat(copy.seqs().seen(77)).isTrue();
        assertThat(copy.seqs().seen(70)).isTrue();
        assertThat(copy.seqs().seen(71)).isFalse();
        assertThat(copy.maxDeviceTs()).isEqualTo(1000);
        assertThat(copy.newest()).as("a late arrival is not the newest").contains(newest);
        assertThat(copy.lastReportTs()).contains(2100L);
        assertThat(copy.latest().hourMeter()).isEqualTo(10.0);
        assertThat(copy.latest().running()).isTrue();
        assertThat(copy.latest().inDowntime()).isTrue();
        assertThat(copy.takeDirty()).hasValueSatisfying(r -> assertThat(r).containsExactly(100, 200));
        assertThat(copy.takeStateChanged()).isTrue();
        assertThat(copy.equipmentDayCursor()).contains(LocalDate.of(2024, 3, 4));
        assertThat(copy.jobDayCursor("job-1")).contains(LocalDate.of(2024, 3, 3));
        assertThat(copy.silentSince()).contains(1500L);
        assertThat(copy.faultEpisodeClosed("110.0")).contains(900L);
        assertThat(copy.faultEpisodeClosed("110.0")).isEmpty();
        assertThat(copy.downtimeClosed()).contains(900L);
        assertThat(copy.downtimeClosed()).isEmpty();
    }

    @Test
    void anEquipmentStatusOfVersion2ReadsWithNoNewestReadingKnown() {
        EquipmentStatus status = new EquipmentStatus(64);
        status.faultEpisodeOpened("110.0", 900);
        byte[] v3 = StateSerdes.equipmentStatus().serializer().serialize("t", status);
        // version 2: the version 3 layout without the trailing newest reading (its absence flag)
        byte[] v2 = java.util.Arrays.copyOf(v3, v3.length - 1);
        v2[0] = 2;

        EquipmentStatus read = StateSerdes.equipmentStatus().deserializer().deserialize("t", v2);

        assertThat(read.newest()).isEmpty();
        assertThat(read.faultEpisodeClosed("110.0")).contains(900L);
    }

    @Test
    void anEquipmentStatusOfVersion1ReadsWithNoOpenEpisodeKnown() {
        EquipmentStatus status = new EquipmentStatus(64);
        status.silentSince(1500);
        byte[] v3 = StateSerdes.equipmentStatus().serializer().serialize("t", status);
        // version 1: the version 3 layout without the trailing open episodes (a count of 0, then no downtime start)
        // and newest reading (its absence flag)
        byte[] v1 = java.util.Arrays.copyOf(v3, v3.length - Short.BYTES - Long.BYTES - 1);
        v1[0] = 1;

        EquipmentStatus read = StateSerdes.equipmentStatus().deserializer().deserialize("t", v1);

        assertThat(read.silentSince()).contains(1500L);
        assertThat(read.faultEpisodeClosed("110.0")).isEmpty();
        assertThat(read.downtimeClosed()).isEmpty();
    }

    @Test
    void assignmentHistoriesRoundTrip() {
        AssignmentHistory history = new AssignmentHistory(List.of(
                assignment("a1", "job-1", "2024-03-01T00:00:00Z", "2024-03-04T11:00:00Z", "Europe/Berlin",
                        contract(ContractBasis.WEEK, 40, 4, LocalDate.of(2024, 3, 1))),
                assignment("a2", "job-2", "2024-03-04T11:00:00Z", null, "America/Chicago",
                        contract(ContractBasis.PERIOD, 160, 0, LocalDate.of(2024, 3, 4)))));
        assertThat(roundTrip(StateSerdes.assignmentHistory(), history)).isEqualTo(history);
        assertThat(roundTrip(StateSerdes.assignmentInterval(), history.assignments().get(1)))
                .isEqualTo(history.assignments().get(1));
    }

    @Test
    void profilesRoundTrip() {
        assertThat(roundTrip(StateSerdes.profile(), EquipmentProfileSettings.DEFAULT)).isEqualTo(EquipmentProfileSettings.DEFAULT);
        EquipmentProfileSettings custom = new EquipmentProfileSettings(List.of(300, 600), 10, 250.0, 2, 30);
        assertThat(roundTrip(StateSerdes.profile(), custom)).isEqualTo(custom);
    }

    @Test
    void emittedFiguresRoundTrip() {
        Usage usage = new Usage(1, 2, 3, 4, 5, Set.of(UsageFlag.METER_RESET, UsageFlag.GPS_JUMP));
        Emitted<WindowFigures> window = new Emitted<>(3, new WindowFigures(usage, 6, 7, null));
        assertThat(roundTrip(StateSerdes.emittedWindow(), window)).isEqualTo(window);
        Emitted<JobDayFigures> day = Emitted.first(new JobDayFigures("job-1", LocalDate.of(2024, 3, 4),
                ZoneId.of("Europe/Berlin"), usage, 8, 9, 10, 11, 12, 13, ContractBasis.WEEK, LocalDate.of(2024, 3, 4)));
        assertThat(roundTrip(StateSerdes.emittedJobDay(), day)).isEqualTo(day);
        Emitted<JobPeriodFigures> period = new Emitted<>(4, new JobPeriodFigures("job-1", ContractBasis.WEEK,
                LocalDate.of(2024, 3, 4), LocalDate.of(2024, 3, 10), ZoneId.of("Europe/Berlin"), LocalDate.of(2024, 3, 8),
                5, usage, 14, 15, 16, 17, 18, 19, 20));
        assertThat(roundTrip(StateSerdes.emittedJobPeriod(), period)).isEqualTo(period);
        Emitted<JobPeriodFigures> empty = new Emitted<>(2, new JobPeriodFigures("job-1", ContractBasis.DAY,
                LocalDate.of(2024, 3, 4), LocalDate.of(2024, 3, 4), ZoneId.of("Europe/Berlin"), null, 0, Usage.NONE,
                0, 0, 0, 0, 0, 0, 0));
        assertThat(roundTrip(StateSerdes.emittedJobPeriod(), empty)).isEqualTo(empty);
    }

    @Test
    void aJobDayStoredBeforeDaysRecordedTheirAllowanceIsStillRead() throws Exception {
        // version 1: the version 2 layout without the trailing allowance
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.io.DataOutputStream out = new java.io.DataOutputStream(bytes)) {
            out.writeByte(1);
            out.writeInt(3);
            out.writeUTF("job-1");
            out.writeLong(LocalDate.of(2024, 3, 5).toEpochDay());
            out.writeUTF("Europe/Berlin");
            for (long usagePart : new long[] {3_600_000, 0, 0, 1_000, 0}) {
                out.writeLong(usagePart);
            }
            out.writeShort(0);
            for (long figure : new long[] {36_000_000, 0, 36_000_000, 14_400_000, 0}) {
                out.writeLong(figure);
            }
            out.writeUTF("WEEK");
            out.writeLong(LocalDate.of(2024, 3, 4).toEpochDay());
        }
        Emitted<JobDayFigures> old = StateSerdes.emittedJobDay().fromBytes(bytes.toByteArray());

        assertThat(old.revision()).isEqualTo(3);
        assertThat(old.figures().allowanceMs()).isEqualTo(JobDayFigures.ALLOWANCE_NOT_RECORDED);
        assertThat(old.figures().billableMs()).isEqualTo(14_400_000);
        assertThat(old.figures().periodStart()).isEqualTo(LocalDate.of(2024, 3, 4));
        // its recomputation with the allowance publishes the same record: no new revision for it
        JobDayFigures recomputed = new JobDayFigures("job-1", LocalDate.of(2024, 3, 5), ZoneId.of("Europe/Berlin"),
                old.figures().usage(), 36_000_000, 0, 36_000_000, 14_400_000, 0, 144_000_000, ContractBasis.WEEK,
                LocalDate.of(2024, 3, 4));
        assertThat(old.figures().publishesAs(recomputed)).isTrue();
    }

    @Test
    void anUnknownEncodingVersionIsRefusedWithItsTypeNamed() {
        byte[] bytes = StateSerdes.reading().toBytes(new Reading(5, null, 0, null, null, null, null, null, null, null,
                null, null, null, null));
        bytes[0] = 99;
        assertThatThrownBy(() -> StateSerdes.reading().fromBytes(bytes))
                .isInstanceOf(SerializationException.class).hasMessageContaining("Reading");
    }
}
