package io.rigstream.topology.model;

import io.rigstream.schemas.Lamp;
import java.util.Objects;

/**
 * An active J1939 diagnostic code. Two reports of the same {@code spn.fmi} are the same fault even when the lamp
 * differs, which is why equality of faults in sets goes through {@link #code()}.
 */
public record FaultCode(int spn, int fmi, Lamp lamp) {

    public FaultCode {
        Objects.requireNonNull(lamp, "lamp");
    }

    /** The code's identity, {@code spn.fmi}. */
    public String code() {
        return spn + "." + fmi;
    }

    /** A red lamp means stop now: the machine is down. */
    public boolean isRed() {
        return lamp == Lamp.RED;
    }

    /** Red and amber codes are the ones maintenance must hear about. */
    public boolean isAlert() {
        return lamp == Lamp.RED || lamp == Lamp.AMBER;
    }
}
