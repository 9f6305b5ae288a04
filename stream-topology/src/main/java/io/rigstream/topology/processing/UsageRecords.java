package io.rigstream.topology.processing;

import io.rigstream.schemas.EquipmentUsage;
import io.rigstream.schemas.ContractBasis;
import io.rigstream.schemas.JobUsageDaily;
import io.rigstream.schemas.JobUsagePeriod;
import io.rigstream.topology.model.EquipmentKeys;
import io.rigstream.topology.rules.JobDayFigures;
import io.rigstream.topology.rules.JobPeriodFigures;
import io.rigstream.topology.rules.TimeRange;
import io.rigstream.topology.rules.Usage;
import io.rigstream.topology.rules.WindowFigures;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Utilization and billing figures as the Avro records and keys of the usage topics; hours and litres from here on. */
public final class UsageRecords {

    public static final String HOUR = "HOUR";
    public static final String DAY = "DAY";

    private static final double MS_PER_HOUR = 3_600_000.0;

    private UsageRecords() {
    }

    public static String hourlyKey(String equipment, long hourStart) {
        return equipment + '/' + Instant.ofEpochMilli(hourStart);
    }

    public static String dailyKey(String equipment, LocalDate day) {
        return equipment + '/' + day;
    }

    public static String jobDailyKey(String equipment, String jobId, LocalDate day) {
        return EquipmentKeys.tenantOf(equipment) + '/' + jobId + '/' + EquipmentKeys.equipmentIdOf(equipment) + '/' + day;
    }

    /** A basis period's key: its days' key with the day replaced by the basis and the period's first day. */
    public static String jobPeriodKey(String equipment, String jobId, ContractBasis basis, LocalDate periodStart) {
        return EquipmentKeys.tenantOf(equipment) + '/' + jobId + '/' + EquipmentKeys.equipmentIdOf(equipment) + '/'
                + basis + '/' + periodStart;
    }

    /** Job ids are unique per tenant only, so stores and queries qualify them. */
    public static String tenantJob(String equipment, String jobId) {
        return EquipmentKeys.tenantOf(equipment) + '/' + jobId;
    }

    public static EquipmentUsage equipmentUsage(String equipment, String granularity, TimeRange window,
            WindowFigures figures, int revision) {
        Usage u = figures.usage();
        long availableMs = figures.availableMs();
        return EquipmentUsage.newBuilder()
                .setTenant(EquipmentKeys.tenantOf(equipment))
                .setEquipmentId(EquipmentKeys.equipmentIdOf(equipment))
                .setJobId(figures.jobId())
                .setGranularity(granularity)
                .setWindowStart(Instant.ofEpochMilli(window.from()))
                .setWindowEnd(Instant.ofEpochMilli(window.to()))
                .setEngineHours(hours(u.engineMs()))
                .setIdleHours(hours(u.idleMs()))
                .setWorkingHours(hours(u.workingMs()))
                .setDowntimeHours(hours(figures.downtimeMs()))
                .setAvailableHours(hours(availableMs))
                .setUtilizationPct(availableMs > 0 ? 100.0 * u.engineMs() / availableMs : null)
                .setIdleRatio(u.engineMs() > 0 ? (double) u.idleMs() / u.engineMs() : null)
                .setFuelLitres(u.fuelMl() / 1000.0)
                .setDistanceKm(u.distanceM() / 1000.0)
                .setUnknownHours(hours(u.unknownMs()))
                .setFlags(flags(u))
                .setRevision(revision)
                .build();
    }

    public static JobUsageDaily jobUsageDaily(String equipment, JobDayFigures f, int revision) {
        Usage u = f.usage();
        return JobUsageDaily.newBuilder()
                .setTenant(EquipmentKeys.tenantOf(equipment))
                .setJobId(f.jobId())
                .setEquipmentId(EquipmentKeys.equipmentIdOf(equipment))
                .setDay(f.day())
                .setSiteTimeZone(f.zone().getId())
                .setEngineHours(hours(u.engineMs()))
                .setIdleHours(hours(u.idleMs()))
                .setWorkingHours(hours(u.workingMs()))
                .setDowntimeHours(hours(f.downtimeMs()))
                .setShiftHours(hours(f.shiftMs()))
                .setAvailableHours(hours(f.availableMs()))
                .setStandbyHours(hours(f.standbyMs()))
                .setBillableHours(hours(f.billableMs()))
                .setOvertimeHours(hours(f.overtimeMs()))
                .setFuelLitres(u.fuelMl() / 1000.0)
                .setDistanceKm(u.distanceM() / 1000.0)
                .setBasis(f.basis())
                .setPeriodStart(f.periodStart())
                .setRevision(revision)
                .build();
    }

    public static JobUsagePeriod jobUsagePeriod(String equipment, JobPeriodFigures f, int revision) {
        Usage u = f.usage();
        return JobUsagePeriod.newBuilder()
                .setTenant(EquipmentKeys.tenantOf(equipment))
                .setJobId(f.jobId())
                .setEquipmentId(EquipmentKeys.equipmentIdOf(equipment))
                .setBasis(f.basis())
                .setPeriodStart(f.periodStart())
                .setPeriodEnd(f.periodEnd())
                .setSiteTimeZone(f.zone().getId())
                .setDaysCounted(f.daysCounted())
                .setLastDay(f.lastDay())
                .setEngineHours(hours(u.engineMs()))
                .setIdleHours(hours(u.idleMs()))
                .setWorkingHours(hours(u.workingMs()))
                .setDowntimeHours(hours(f.downtimeMs()))
                .setShiftHours(hours(f.shiftMs()))
                .setAvailableHours(hours(f.availableMs()))
                .setStandbyHours(hours(f.standbyMs()))
                .setBillableHours(hours(f.billableMs()))
                .setAllowanceHours(hours(f.allowanceMs()))
                .setOvertimeHours(hours(f.overtimeMs()))
                .setFuelLitres(u.fuelMl() / 1000.0)
                .setDistanceKm(u.distanceM() / 1000.0)
                .setRevision(revision)
                .build();
    }

    private static List<String> flags(Usage u) {
        return u.flags().stream().map(Enum::name).sorted().toList();
    }

    static double hours(long ms) {
        return ms / MS_PER_HOUR;
    }
}
