package io.rigstream.odoo.sink.config;

/** How a job id names its Odoo project: by the project's name, or by an external id. */
public enum ProjectRule {
    NAME("name"), EXTERNAL_ID("external-id");

    private final String key;

    ProjectRule(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    public static ProjectRule of(String key) {
        return Keyed.of(values(), key, ProjectRule::key);
    }
}
