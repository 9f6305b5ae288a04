package io.rigstream.odoo.sink.odoo;

/** The Odoo version a server reports, e.g. serie "17.0", major 17. */
public record ServerVersion(int major, String serie) {

    /** JSON-2 exists from 19 on; JSON-RPC is deprecated there and gone in 22. */
    public boolean hasJson2() {
        return major >= 19;
    }

    /** {@code check_access_rights} gave way to {@code has_access} in 18. */
    public boolean hasHasAccess() {
        return major >= 18;
    }
}
