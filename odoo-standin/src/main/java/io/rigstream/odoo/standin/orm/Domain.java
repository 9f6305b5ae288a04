package io.rigstream.odoo.standin.orm;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Odoo search domains: leaves {@code [field, operator, value]} combined in Polish notation by {@code '&'}, {@code '|'},
 * {@code '!'}, with an implicit AND between consecutive terms.
 */
final class Domain {

    private Domain() {
    }

    static Predicate<Map<String, Object>> parse(Object domain) {
        List<?> terms = domain == null ? List.of() : (List<?>) domain;
        Deque<Predicate<Map<String, Object>>> stack = new ArrayDeque<>();
        for (int i = terms.size() - 1; i >= 0; i--) {
            Object term = terms.get(i);
            if ("!".equals(term)) {
                stack.push(stack.pop().negate());
            } else if ("&".equals(term) || "|".equals(term)) {
                Predicate<Map<String, Object>> left = stack.pop();
                Predicate<Map<String, Object>> right = stack.pop();
                stack.push("&".equals(term) ? left.and(right) : left.or(right));
            } else if (term instanceof List<?> leaf && leaf.size() == 3) {
                stack.push(leaf(String.valueOf(leaf.get(0)), String.valueOf(leaf.get(1)), leaf.get(2)));
            } else {
                throw OdooError.of(OdooError.VALUE_ERROR, "Invalid leaf " + term);
            }
        }
        return stack.stream().reduce(row -> true, Predicate::and);
    }

    private static Predicate<Map<String, Object>> leaf(String field, String operator, Object value) {
        return row -> {
            Object actual = row.get(field);
            return switch (operator) {
                case "=" -> equal(actual, value);
                case "!=" -> !equal(actual, value);
                case "in" -> ((Collection<?>) value).stream().anyMatch(candidate -> equal(actual, candidate));
                case "not in" -> ((Collection<?>) value).stream().noneMatch(candidate -> equal(actual, candidate));
                case "ilike" -> actual != null && actual.toString().toLowerCase().contains(value.toString().toLowerCase());
                case "like" -> actual != null && actual.toString().contains(value.toString());
                case "<", "<=", ">", ">=" -> compare(actual, value, operator);
                default -> throw OdooError.of(OdooError.VALUE_ERROR, "Invalid leaf [" + field + ", " + operator + ", " + value + "]");
            };
        };
    }

    private static boolean equal(Object actual, Object expected) {
        if (actual instanceof Number a && expected instanceof Number b) {
            return a.doubleValue() == b.doubleValue();
        }
        if (Boolean.FALSE.equals(expected)) {
            return RecordWriter.isEmpty(actual);
        }
        return Objects.equals(actual, expected);
    }

    private static boolean compare(Object actual, Object expected, String operator) {
        if (RecordWriter.isEmpty(actual)) {
            return false;
        }
        int order = actual instanceof Number a && expected instanceof Number b
                ? Double.compare(a.doubleValue(), b.doubleValue())
                : actual.toString().compareTo(expected.toString());
        return switch (operator) {
            case "<" -> order < 0;
            case "<=" -> order <= 0;
            case ">" -> order > 0;
            default -> order >= 0;
        };
    }
}
