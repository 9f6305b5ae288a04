package io.rigstream.odoo.standin.orm;

import static io.rigstream.odoo.standin.orm.FieldType.BOOLEAN;
import static io.rigstream.odoo.standin.orm.FieldType.CHAR;
import static io.rigstream.odoo.standin.orm.FieldType.DATE;
import static io.rigstream.odoo.standin.orm.FieldType.DATETIME;
import static io.rigstream.odoo.standin.orm.FieldType.FLOAT;
import static io.rigstream.odoo.standin.orm.FieldType.HTML;
import static io.rigstream.odoo.standin.orm.FieldType.INTEGER;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The models of an Odoo 17 database with maintenance, project and hr_timesheet installed, reduced to the fields
 * rigstream touches, with the labels, selections, required flags and constraints the real server reports.
 */
public final class Models {

    public static final String EQUIPMENT = "maintenance.equipment";
    public static final String REQUEST = "maintenance.request";
    public static final String STAGE = "maintenance.stage";
    public static final String ANALYTIC_LINE = "account.analytic.line";
    public static final String PROJECT = "project.project";
    public static final String EMPLOYEE = "hr.employee";
    public static final String MODEL_DATA = "ir.model.data";

    private static final Map<String, String> PRIORITIES = orderedMap("0", "Very Low", "1", "Low", "2", "Normal", "3", "High");
    private static final Map<String, String> MAINTENANCE_TYPES = orderedMap("corrective", "Corrective", "preventive", "Preventive");

    private Models() {
    }

    public static Map<String, ModelSpec> odoo17() {
        Map<String, ModelSpec> models = new LinkedHashMap<>();
        add(models, ModelSpec.of(EQUIPMENT, "Maintenance Equipment", "Maintenance/Equipment Manager", List.of(
                FieldSpec.of("name", "Equipment Name", CHAR).asRequired(),
                FieldSpec.of("serial_no", "Serial Number", CHAR)
                        .unique("The operation cannot be completed: Another asset already exists with this serial number!"),
                FieldSpec.of("note", "Note", HTML),
                FieldSpec.of("active", "Active", BOOLEAN).withDefault(true))));
        add(models, ModelSpec.of(STAGE, "Maintenance Stage", "Maintenance/Equipment Manager", List.of(
                FieldSpec.of("name", "Name", CHAR).asRequired(),
                FieldSpec.of("done", "Request Done", BOOLEAN).withDefault(false))));
        add(models, ModelSpec.of(REQUEST, "Maintenance Request", "Maintenance/Equipment Manager", List.of(
                FieldSpec.of("name", "Subjects", CHAR).asRequired(),
                FieldSpec.many2one("equipment_id", "Equipment", EQUIPMENT),
                FieldSpec.selection("maintenance_type", "Maintenance Type", MAINTENANCE_TYPES, "corrective"),
                FieldSpec.selection("priority", "Priority", PRIORITIES, "0"),
                FieldSpec.of("description", "Description", HTML),
                FieldSpec.of("request_date", "Request Date", DATE),
                FieldSpec.of("schedule_date", "Scheduled Date", DATETIME),
                FieldSpec.of("close_date", "Close Date", DATE),
                FieldSpec.many2one("stage_id", "Stage", STAGE).withDefault(1),
                FieldSpec.of("duration", "Duration", FLOAT))));
        add(models, ModelSpec.of(PROJECT, "Project", "Project/Administrator", List.of(
                FieldSpec.of("name", "Name", CHAR).asRequired(),
                FieldSpec.of("active", "Active", BOOLEAN).withDefault(true))));
        add(models, ModelSpec.of(EMPLOYEE, "Employee", "Employees/Officer: Manage all employees", List.of(
                FieldSpec.of("name", "Employee Name", CHAR).asRequired(),
                FieldSpec.of("active", "Active", BOOLEAN).withDefault(true))));
        add(models, ModelSpec.of(ANALYTIC_LINE, "Analytic Line", "Timesheets/User: own timesheets only", List.of(
                FieldSpec.of("name", "Description", CHAR).asRequired(),
                FieldSpec.of("date", "Date", DATE).asRequired(),
                FieldSpec.of("unit_amount", "Quantity", FLOAT).withDefault(0.0),
                FieldSpec.of("amount", "Amount", FLOAT).withDefault(0.0),
                FieldSpec.many2one("project_id", "Project", PROJECT),
                FieldSpec.many2one("employee_id", "Employee", EMPLOYEE))));
        add(models, ModelSpec.of(MODEL_DATA, "Model Data", "Administration/Settings", List.of(
                FieldSpec.of("module", "Module", CHAR).asRequired(),
                FieldSpec.of("name", "External Identifier", CHAR).asRequired(),
                FieldSpec.of("model", "Model Name", CHAR).asRequired(),
                FieldSpec.of("res_id", "Record ID", INTEGER),
                FieldSpec.of("noupdate", "Non Updatable", BOOLEAN).withDefault(false))));
        return java.util.Collections.unmodifiableMap(models);
    }

    private static void add(Map<String, ModelSpec> models, ModelSpec model) {
        models.put(model.name(), model);
    }

    private static Map<String, String> orderedMap(String... keysAndValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
