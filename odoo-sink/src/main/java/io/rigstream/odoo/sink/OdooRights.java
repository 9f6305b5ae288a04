package io.rigstream.odoo.sink;

import io.rigstream.odoo.sink.config.MappingSettings;
import io.rigstream.odoo.sink.config.ProjectRule;
import io.rigstream.odoo.sink.config.UnknownPolicy;
import io.rigstream.odoo.sink.odoo.AccessCheck;
import java.util.ArrayList;
import java.util.List;

/** The Odoo rights the integration user needs for this configuration; the README's rights table says the same. */
final class OdooRights {

    private static final String MAINTENANCE = "the Maintenance app, group Maintenance / Equipment Manager";
    private static final String TIMESHEETS = "the Timesheets app, group Timesheets / Administrator (or User: all timesheets), and an employee";
    private static final String PROJECT = "the Project app, group Project / Administrator";

    private OdooRights() {
    }

    static List<AccessCheck> needed(MappingSettings mapping) {
        List<AccessCheck> checks = new ArrayList<>();
        checks.add(new AccessCheck("maintenance.request", "create", MAINTENANCE));
        checks.add(new AccessCheck("maintenance.request", "write", MAINTENANCE));
        checks.add(new AccessCheck("maintenance.equipment", "read", MAINTENANCE));
        if (mapping.unknownEquipment() == UnknownPolicy.CREATE) {
            checks.add(new AccessCheck("maintenance.equipment", "create", MAINTENANCE));
        }
        checks.add(new AccessCheck("account.analytic.line", "create", TIMESHEETS));
        checks.add(new AccessCheck("account.analytic.line", "write", TIMESHEETS));
        checks.add(new AccessCheck("project.project", "read", PROJECT));
        if (mapping.unknownJob() == UnknownPolicy.CREATE) {
            checks.add(new AccessCheck("project.project", "create", PROJECT));
        }
        if (mapping.projectRule() == ProjectRule.EXTERNAL_ID) {
            checks.add(new AccessCheck("ir.model.data", "read", "the group Internal User"));
        }
        return checks;
    }
}
