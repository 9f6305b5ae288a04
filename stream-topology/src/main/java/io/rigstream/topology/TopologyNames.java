package io.rigstream.topology;

/**
 * Names of every processor, store and internal topic of the topology. Store and repartition names become changelog
 * and repartition topic names ({@code <application.id>-<name>-changelog}): renaming one orphans its state, so they
 * are fixed here and never derived.
 */
public final class TopologyNames {

    private TopologyNames() {
    }

    // sources
    public static final String READINGS_SOURCE = "readings-source";
    public static final String ASSIGNMENTS_SOURCE = "assignments-source";
    public static final String PROFILES_SOURCE = "profiles-source";

    // reference data
    public static final String ASSIGNMENTS_STORE = "assignments";
    public static final String VALID_ASSIGNMENTS = "assignments-valid";
    public static final String ASSIGNMENTS_AS_INTERVALS = "assignments-as-intervals";
    public static final String ASSIGNMENTS_BY_EQUIPMENT = "assignments-by-equipment";
    public static final String ASSIGNMENT_HISTORY_AGGREGATE = "assignment-history-aggregate";
    public static final String ASSIGNMENT_HISTORY_STORE = "assignment-history";
    public static final String ASSIGNMENT_HISTORY_CHANGES = "assignment-history-changes";
    public static final String ASSIGNMENT_CHANGE_INPUTS = "assignment-change-inputs";
    public static final String PROFILES_AS_SETTINGS = "profiles-as-settings";
    public static final String PROFILES_BY_EQUIPMENT = "profiles-by-equipment";
    public static final String PROFILES_TABLE = "profiles-table";
    public static final String PROFILE_STORE = "equipment-profiles";
    public static final String PROFILE_CHANGES = "profile-changes";
    public static final String PROFILE_CHANGE_INPUTS = "profile-change-inputs";

    // readings with their reference data
    public static final String READINGS_WITH_ASSIGNMENTS = "readings-with-assignments";
    public static final String READINGS_WITH_PROFILES = "readings-with-profiles";
    public static final String MERGE_ASSIGNMENT_CHANGES = "merge-assignment-changes";
    public static final String MERGE_PROFILE_CHANGES = "merge-profile-changes";

    // the equipment processor and its stores
    public static final String EQUIPMENT_PROCESSOR = "equipment-processor";
    public static final String READINGS_STORE = "readings";
    public static final String FAULT_REPORTS_STORE = "fault-reports";
    public static final String EQUIPMENT_STATUS_STORE = "equipment-status";
    public static final String HOURLY_EMITTED_STORE = "usage-hourly-emitted";
    public static final String DAILY_EMITTED_STORE = "usage-daily-emitted";
    public static final String JOB_DAILY_EMITTED_STORE = "job-usage-daily-emitted";
    public static final String JOB_PERIOD_EMITTED_STORE = "job-usage-period-emitted";

    // outputs
    public static final String OUTPUTS_SPLIT = "outputs-";
    public static final String SINK_SUFFIX = "-sink";
    public static final String CAST_SUFFIX = "-values";
}
