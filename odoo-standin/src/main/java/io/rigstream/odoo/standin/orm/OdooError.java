package io.rigstream.odoo.standin.orm;

import java.util.List;

/**
 * An exception as Odoo's server reports it: the Python class name (which clients classify by) and its message.
 * Both protocols serialize it the same way, JSON-RPC inside {@code error.data}, JSON-2 as the body.
 */
public final class OdooError extends RuntimeException {

    public static final String ACCESS_DENIED = "odoo.exceptions.AccessDenied";
    public static final String ACCESS_ERROR = "odoo.exceptions.AccessError";
    public static final String USER_ERROR = "odoo.exceptions.UserError";
    public static final String VALIDATION_ERROR = "odoo.exceptions.ValidationError";
    public static final String MISSING_ERROR = "odoo.exceptions.MissingError";
    public static final String VALUE_ERROR = "builtins.ValueError";
    public static final String ATTRIBUTE_ERROR = "builtins.AttributeError";

    private final String name;
    private final String debug;

    public OdooError(String name, String message, String debug) {
        super(message, null, false, false);
        this.name = name;
        this.debug = debug;
    }

    /** Odoo's shortened tracebacks end with the exception's class and message; ours say so too. */
    public static OdooError of(String name, String message) {
        String shortName = name.startsWith("builtins.") ? name.substring("builtins.".length()) : name;
        return new OdooError(name, message, shortName + ": " + message + "  [traceback shortened]");
    }

    public static OdooError accessDenied() {
        return of(ACCESS_DENIED, "Access Denied");
    }

    public static OdooError unknownModel(String model) {
        return of(USER_ERROR, "Object " + model + " doesn't exist");
    }

    public static OdooError unknownMethod(String model, String method) {
        return of(ATTRIBUTE_ERROR, "The method '" + method + "' does not exist on the model '" + model + "'");
    }

    public static OdooError unknownField(String model, String field) {
        return of(VALUE_ERROR, "Invalid field '" + field + "' on model '" + model + "'");
    }

    public String name() {
        return name;
    }

    public String debug() {
        return debug;
    }

    public List<Object> arguments() {
        return List.of(getMessage());
    }
}
