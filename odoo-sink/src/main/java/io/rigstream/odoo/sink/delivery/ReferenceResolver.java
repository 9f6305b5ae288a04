package io.rigstream.odoo.sink.delivery;

import io.rigstream.odoo.sink.lookup.EquipmentDirectory;
import io.rigstream.odoo.sink.lookup.ProjectDirectory;
import io.rigstream.odoo.sink.lookup.Resolved;
import io.rigstream.odoo.sink.mapping.OdooRow;
import io.rigstream.odoo.sink.odoo.OdooException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Fills in the database ids rows point at: the equipment by serial number, the project by job. One lookup per
 * batch for everything not cached. Rows whose equipment or job Odoo does not know (and may not create) are refused
 * with the reason.
 */
final class ReferenceResolver {

    /** A row that cannot be written because what it points at is missing. */
    record Unresolved(Entry entry, String reason, String detail) {
    }

    private final EquipmentDirectory equipment;
    private final ProjectDirectory projects;

    ReferenceResolver(EquipmentDirectory equipment, ProjectDirectory projects) {
        this.equipment = equipment;
        this.projects = projects;
    }

    List<Entry> resolve(List<Entry> entries, List<Unresolved> unresolved) throws OdooException, InterruptedException {
        Set<String> serials = new TreeSet<>();
        Set<String> jobs = new TreeSet<>();
        entries.forEach(entry -> {
            entry.row().equipmentSerial().ifPresent(serials::add);
            entry.row().jobId().ifPresent(jobs::add);
        });
        Resolved equipmentIds = serials.isEmpty() ? new Resolved(Map.of(), Map.of()) : equipment.resolve(serials);
        Resolved projectIds = jobs.isEmpty() ? new Resolved(Map.of(), Map.of()) : projects.resolve(jobs);
        List<Entry> complete = new ArrayList<>();
        for (Entry entry : entries) {
            OdooRow row = entry.row();
            Optional<String> serial = row.equipmentSerial();
            Optional<String> job = row.jobId();
            if (serial.isPresent() && !equipmentIds.ids().containsKey(serial.get())) {
                unresolved.add(new Unresolved(entry, "UNKNOWN_EQUIPMENT", equipmentIds.problems().get(serial.get())));
            } else if (job.isPresent() && !projectIds.ids().containsKey(job.get())) {
                unresolved.add(new Unresolved(entry, "UNKNOWN_JOB", projectIds.problems().get(job.get())));
            } else {
                if (serial.isPresent()) {
                    row = row.with(OdooRow.EQUIPMENT_COLUMN, Integer.toString(equipmentIds.ids().get(serial.get())));
                }
                if (job.isPresent()) {
                    row = row.with(OdooRow.PROJECT_COLUMN, Integer.toString(projectIds.ids().get(job.get())));
                }
                complete.add(entry.with(row));
            }
        }
        return complete;
    }

    /** A row refused for its relation may have met a record deleted since it was cached. */
    void forgetRelationsOf(OdooRow row, String field) {
        if ("equipment_id".equals(field)) {
            row.equipmentSerial().ifPresent(equipment::forget);
        }
        if ("project_id".equals(field)) {
            row.jobId().ifPresent(projects::forget);
        }
    }
}
