package io.rigstream.odoo.sink.delivery;

import java.util.Optional;
import org.apache.avro.specific.SpecificRecord;

/**
 * A record that will not be written, and why.
 *
 * @param reason     reason code, e.g. ODOO_REJECTED, UNKNOWN_EQUIPMENT, UNDESERIALIZABLE, RETRY_DEADLINE
 * @param errorClass what failed: Odoo's exception class, or the Java exception
 * @param decoded    the record as read, when it could be read (gives the dead letter its tenant and equipment)
 */
public record DeadLetter(PendingRecord source, Lane lane, String reason, String errorClass, String detail,
        Optional<SpecificRecord> decoded) {
}
