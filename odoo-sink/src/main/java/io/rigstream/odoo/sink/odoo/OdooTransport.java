package io.rigstream.odoo.sink.odoo;

import com.fasterxml.jackson.databind.JsonNode;

/** Sends ORM calls to Odoo (or to the dry-run outbox) and returns the method's result. */
public interface OdooTransport {

    JsonNode call(OdooCall call) throws OdooException, InterruptedException;
}
