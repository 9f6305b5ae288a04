package io.rigstream.odoo.sink.lookup;

import com.fasterxml.jackson.databind.JsonNode;
import io.rigstream.odoo.sink.config.MappingSettings;
import io.rigstream.odoo.sink.config.ProjectRule;
import io.rigstream.odoo.sink.config.UnknownPolicy;
import io.rigstream.odoo.sink.mapping.ExternalIds;
import io.rigstream.odoo.sink.odoo.LoadResult;
import io.rigstream.odoo.sink.odoo.OdooApi;
import io.rigstream.odoo.sink.odoo.OdooException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Jobs to {@code project.project} records, by the configured rule: the project's name (two projects of that name
 * are ambiguous and refused: a timesheet line on the wrong project is a wrong invoice) or an external id. Unknown
 * jobs get a project when the policy says so, created through {@code load} with an external id.
 */
public final class ProjectDirectory {

    static final String MODEL = "project.project";
    private static final String MODEL_DATA = "ir.model.data";

    private final OdooApi odoo;
    private final ExternalIds externalIds;
    private final MappingSettings settings;
    private final IdCache cache = new IdCache();

    public ProjectDirectory(OdooApi odoo, ExternalIds externalIds, MappingSettings settings) {
        this.odoo = odoo;
        this.externalIds = externalIds;
        this.settings = settings;
    }

    public Resolved resolve(Set<String> jobs) throws OdooException, InterruptedException {
        Set<String> missing = cache.missing(jobs);
        Map<String, String> problems = new HashMap<>();
        if (!missing.isEmpty()) {
            problems.putAll(settings.projectRule() == ProjectRule.NAME ? searchByName(missing) : searchByExternalId(missing));
        }
        missing = cache.missing(missing);
        missing.removeAll(problems.keySet());
        if (!missing.isEmpty() && settings.unknownJob() == UnknownPolicy.CREATE) {
            problems.putAll(create(missing));
        } else {
            missing.forEach(job -> problems.put(job, "no project for job '" + job + "' in Odoo ("
                    + describeRule(job) + "; odoo.unknown-job=dead-letter)"));
        }
        return new Resolved(cache.found(jobs), problems);
    }

    public void forget(String job) {
        cache.forget(job);
    }

    private Map<String, String> searchByName(Set<String> jobs) throws OdooException, InterruptedException {
        Map<String, String> jobByName = new HashMap<>();
        jobs.forEach(job -> jobByName.put(settings.projectName(job), job));
        List<JsonNode> rows = odoo.searchRead(MODEL, List.of(List.of("name", "in", List.copyOf(jobByName.keySet()))), List.of("id", "name"));
        Map<String, List<Integer>> idsByJob = new HashMap<>();
        rows.forEach(row -> idsByJob.computeIfAbsent(jobByName.get(row.path("name").asText()), k -> new ArrayList<>())
                .add(row.path("id").asInt()));
        Map<String, String> problems = new HashMap<>();
        idsByJob.forEach((job, ids) -> {
            if (ids.size() == 1) {
                cache.put(job, ids.get(0));
            } else {
                problems.put(job, ids.size() + " projects are named '" + settings.projectName(job) + "' (ids " + ids
                        + "): rename all but one, or use odoo.project.rule=external-id");
            }
        });
        return problems;
    }

    private Map<String, String> searchByExternalId(Set<String> jobs) throws OdooException, InterruptedException {
        Map<String, String> jobByXmlid = new HashMap<>();
        jobs.forEach(job -> jobByXmlid.put(settings.projectExternalId(job), job));
        List<Object> domain = new ArrayList<>();
        domain.add(List.of("model", "=", MODEL));
        Set<String> modules = new TreeSet<>();
        List<String> names = new ArrayList<>();
        jobByXmlid.keySet().forEach(xmlid -> {
            modules.add(xmlid.substring(0, xmlid.indexOf('.')));
            names.add(xmlid.substring(xmlid.indexOf('.') + 1));
        });
        domain.add(List.of("module", "in", List.copyOf(modules)));
        domain.add(List.of("name", "in", names));
        for (JsonNode row : odoo.searchRead(MODEL_DATA, domain, List.of("module", "name", "res_id"))) {
            String job = jobByXmlid.get(row.path("module").asText() + "." + row.path("name").asText());
            if (job != null) {
                cache.put(job, row.path("res_id").asInt());
            }
        }
        return Map.of();
    }

    /** New projects get the external id the rule looks for, or rigstream's own under the name rule. */
    private Map<String, String> create(Set<String> jobs) throws OdooException, InterruptedException {
        List<String> ordered = new ArrayList<>(jobs);
        List<List<String>> rows = new ArrayList<>();
        for (String job : ordered) {
            String xmlid = settings.projectRule() == ProjectRule.EXTERNAL_ID ? settings.projectExternalId(job) : externalIds.project(job);
            rows.add(List.of(xmlid, settings.projectName(job)));
        }
        LoadResult result = odoo.load(MODEL, List.of("id", "name"), rows, Map.of());
        Map<String, String> problems = new HashMap<>();
        if (result.written()) {
            List<Integer> ids = result.ids().orElseThrow();
            for (int i = 0; i < ordered.size(); i++) {
                cache.put(ordered.get(i), ids.get(i));
            }
        } else {
            String why = result.errors().isEmpty() ? "refused" : result.errors().get(0).message();
            ordered.forEach(job -> problems.put(job, "creating the project for job '" + job + "' failed: " + why));
        }
        return problems;
    }

    private String describeRule(String job) {
        return settings.projectRule() == ProjectRule.NAME ? "looked for the name '" + settings.projectName(job) + "'"
                : "looked for the external id '" + settings.projectExternalId(job) + "'";
    }
}
