package io.rigstream.topology.processing;

import io.rigstream.schemas.ContractTerms;
import io.rigstream.schemas.EngineStatus;
import io.rigstream.schemas.EquipmentAssignment;
import io.rigstream.schemas.EquipmentProfile;
import io.rigstream.schemas.Fault;
import io.rigstream.schemas.FuelStatus;
import io.rigstream.schemas.Location;
import io.rigstream.schemas.TelemetryReading;
import io.rigstream.topology.model.AssignmentInterval;
import io.rigstream.topology.model.Contract;
import io.rigstream.topology.model.EquipmentKeys;
import io.rigstream.topology.model.EquipmentProfileSettings;
import io.rigstream.topology.model.FaultCode;
import io.rigstream.topology.model.FaultReport;
import io.rigstream.topology.model.Reading;
import io.rigstream.topology.model.ShiftCalendar;
import io.rigstream.topology.rules.SiteCalendar;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** Avro records from the topics to the domain model the rules work on. */
public final class AvroMapping {

    private AvroMapping() {
    }

    public static Reading reading(TelemetryReading r) {
        Location gps = r.getGps();
        EngineStatus engine = r.getEngine();
        FuelStatus fuel = r.getFuel();
        return new Reading(r.getDeviceTs().toEpochMilli(), r.getSeq(), ContentFingerprint.of(r),
                engine == null ? null : engine.getRunning(),
                engine == null ? null : engine.getCumulativeOperatingHours(),
                engine == null ? null : engine.getCumulativeIdleHours(),
                engine == null ? null : engine.getLoadPct(),
                gps == null ? null : gps.getSpeedKmh(),
                gps == null ? null : gps.getLatitude(),
                gps == null ? null : gps.getLongitude(),
                fuel == null ? null : fuel.getRemainingPct(),
                fuel == null ? null : fuel.getCumulativeUsedLitres(),
                fuel == null ? null : fuel.getTankCapacityLitres(),
                r.getCumulativeDistanceKm());
    }

    /** The reading's fault report, absent when it has no faults field (it then says nothing about faults). */
    public static Optional<FaultReport> faultReport(TelemetryReading r) {
        if (r.getFaults() == null) {
            return Optional.empty();
        }
        return Optional.of(new FaultReport(r.getDeviceTs().toEpochMilli(), r.getFaults().stream()
                .filter(Fault::getActive)
                .map(f -> new FaultCode(f.getSpn(), f.getFmi(), f.getLamp()))
                .toList()));
    }

    /**
     * @throws IllegalArgumentException when the assignment cannot be used: unknown zone, bad shift times, a shift
     *                                  ending before it starts, an assignment ending before it starts
     */
    public static AssignmentInterval assignment(EquipmentAssignment a) {
        ZoneId zone = ZoneId.of(a.getSiteTimeZone());
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        a.getShift().getWorkingDays().forEach(d -> days.add(DayOfWeek.valueOf(d.trim().toUpperCase(Locale.ROOT))));
        ShiftCalendar shift = new ShiftCalendar(days, LocalTime.parse(a.getShift().getStartLocal()),
                LocalTime.parse(a.getShift().getEndLocal()));
        long from = a.getValidFrom().toEpochMilli();
        ContractTerms terms = a.getContract();
        double allowance = terms.getAllowanceHours() > 0
                ? terms.getAllowanceHours() : Contract.defaultAllowanceHours(terms.getBasis());
        Contract contract = new Contract(terms.getBasis(), allowance, terms.getMinimumDailyHours(),
                terms.getDowntimeCredit(),
                terms.getContractStart() != null ? terms.getContractStart() : SiteCalendar.dateOf(from, zone));
        long to = a.getValidTo() == null ? AssignmentInterval.OPEN : a.getValidTo().toEpochMilli();
        return new AssignmentInterval(a.getAssignmentId(),
                EquipmentKeys.of(a.getTenant(), a.getEquipmentId()), a.getJobId(), from, to, zone, shift, contract);
    }

    public static EquipmentProfileSettings profile(EquipmentProfile p) {
        return new EquipmentProfileSettings(p.getServiceTiersHours(), p.getServiceLeadHours(), p.getFuelTankLitres(),
                p.getIdleMaxSpeedKmh(), p.getIdleMaxLoadPct());
    }
}
