package io.rigstream.odoo.sink.config;

import java.util.OptionalInt;

/**
 * How records become Odoo rows.
 *
 * @param module                   the external-id module, {@code rigstream} in {@code rigstream.usage_...}
 * @param employeeId               the employee on timesheet lines; empty for the API user's own employee
 * @param projectNamePattern       project name of a job under {@link ProjectRule#NAME}, with {@code {job}}
 * @param projectExternalIdPattern project external id of a job under {@link ProjectRule#EXTERNAL_ID}, with {@code {job}}
 * @param closedStageId            stage a request moves to when its fault clears or its downtime ends
 */
public record MappingSettings(String module, OptionalInt employeeId, ProjectRule projectRule, String projectNamePattern,
        String projectExternalIdPattern, UnknownPolicy unknownEquipment, UnknownPolicy unknownJob, int closedStageId) {

    public static final String JOB_PLACEHOLDER = "{job}";

    public String projectName(String jobId) {
        return projectNamePattern.replace(JOB_PLACEHOLDER, jobId);
    }

    public String projectExternalId(String jobId) {
        return projectExternalIdPattern.replace(JOB_PLACEHOLDER, jobId);
    }
}
