package io.rigstream.ingest.mapping;

import java.util.Arrays;
import java.util.Optional;

/**
 * An MQTT topic layout such as {@code fleet/{tenant}/{equipmentId}/telemetry}: literal levels plus
 * the two named levels the bridge extracts. Immutable and thread-safe.
 */
public final class TopicTemplate {

    public static final String DEFAULT = "fleet/{tenant}/{equipmentId}/telemetry";

    private static final String TENANT = "{tenant}";
    private static final String EQUIPMENT_ID = "{equipmentId}";

    private final String template;
    /** One entry per topic level: the literal text, or null for a named level. */
    private final String[] literals;
    private final int tenantLevel;
    private final int equipmentIdLevel;
    private final String subscriptionFilter;

    private TopicTemplate(String template, String[] literals, int tenantLevel, int equipmentIdLevel) {
        this.template = template;
        this.literals = literals;
        this.tenantLevel = tenantLevel;
        this.equipmentIdLevel = equipmentIdLevel;
        String[] filterLevels = Arrays.copyOf(literals, literals.length);
        filterLevels[tenantLevel] = "+";
        filterLevels[equipmentIdLevel] = "+";
        this.subscriptionFilter = String.join("/", filterLevels);
    }

    /**
     * Parses a template. It must contain {@code {tenant}} and {@code {equipmentId}} once each, each
     * as a whole level; the other levels are literal and must not contain MQTT wildcards or braces.
     *
     * @throws IllegalArgumentException naming the template and what is wrong with it
     */
    public static TopicTemplate parse(String template) {
        if (template == null || template.isEmpty()) {
            throw new IllegalArgumentException("topic template must not be empty");
        }
        String[] levels = template.split("/", -1);
        String[] literals = new String[levels.length];
        int tenantLevel = -1;
        int equipmentIdLevel = -1;
        for (int i = 0; i < levels.length; i++) {
            String level = levels[i];
            if (level.equals(TENANT)) {
                tenantLevel = requireFirst(template, TENANT, tenantLevel, i);
            } else if (level.equals(EQUIPMENT_ID)) {
                equipmentIdLevel = requireFirst(template, EQUIPMENT_ID, equipmentIdLevel, i);
            } else {
                literals[i] = requireLiteral(template, level);
            }
        }
        if (tenantLevel < 0 || equipmentIdLevel < 0) {
            throw new IllegalArgumentException("topic template '" + template + "' must contain both "
                    + TENANT + " and " + EQUIPMENT_ID + " as whole levels, e.g. '" + DEFAULT + "'");
        }
        return new TopicTemplate(template, literals, tenantLevel, equipmentIdLevel);
    }

    /**
     * The tenant and equipment named by {@code mqttTopic}, or empty when the topic is null, does not
     * have this layout, or has a named level that is not 1-64 characters of {@code [A-Za-z0-9._-]}.
     */
    public Optional<TopicAddress> match(String mqttTopic) {
        if (mqttTopic == null) {
            return Optional.empty();
        }
        int start = 0;
        int tenantStart = 0;
        int tenantEnd = 0;
        int equipmentIdStart = 0;
        int equipmentIdEnd = 0;
        for (int level = 0; level < literals.length; level++) {
            int slash = mqttTopic.indexOf('/', start);
            boolean last = level == literals.length - 1;
            if (last ? slash >= 0 : slash < 0) {
                return Optional.empty();
            }
            int end = last ? mqttTopic.length() : slash;
            if (level == tenantLevel) {
                tenantStart = start;
                tenantEnd = end;
            } else if (level == equipmentIdLevel) {
                equipmentIdStart = start;
                equipmentIdEnd = end;
            } else if (!isLiteralAt(mqttTopic, start, end, literals[level])) {
                return Optional.empty();
            }
            start = end + 1;
        }
        if (!TopicAddress.isValidSegment(mqttTopic, tenantStart, tenantEnd)
                || !TopicAddress.isValidSegment(mqttTopic, equipmentIdStart, equipmentIdEnd)) {
            return Optional.empty();
        }
        return Optional.of(new TopicAddress(
                mqttTopic.substring(tenantStart, tenantEnd),
                mqttTopic.substring(equipmentIdStart, equipmentIdEnd)));
    }

    /** The MQTT subscription filter for this layout: each named level becomes {@code +}. */
    public String subscriptionFilter() {
        return subscriptionFilter;
    }

    @Override
    public String toString() {
        return template;
    }

    private static boolean isLiteralAt(String topic, int start, int end, String literal) {
        return end - start == literal.length() && topic.startsWith(literal, start);
    }

    private static int requireFirst(String template, String name, int previousLevel, int level) {
        if (previousLevel >= 0) {
            throw new IllegalArgumentException("topic template '" + template + "' contains " + name + " twice");
        }
        return level;
    }

    private static String requireLiteral(String template, String level) {
        for (int i = 0; i < level.length(); i++) {
            char c = level.charAt(i);
            if (c == '{' || c == '}') {
                throw new IllegalArgumentException("topic template '" + template + "' has level '" + level
                        + "'; only " + TENANT + " and " + EQUIPMENT_ID + " may be named, each as a whole level");
            }
            if (c == '+' || c == '#' || c == '\u0000') {
                throw new IllegalArgumentException("topic template '" + template + "' has level '" + level
                        + "' containing '" + (c == '\u0000' ? "\\u0000" : String.valueOf(c))
                        + "', which MQTT does not allow in a topic name");
            }
        }
        return level;
    }
}
