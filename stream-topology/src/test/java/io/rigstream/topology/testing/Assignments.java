package io.rigstream.topology.testing;

import io.rigstream.schemas.ContractBasis;
import io.rigstream.topology.model.AssignmentInterval;
import io.rigstream.topology.model.Contract;
import io.rigstream.topology.model.ShiftCalendar;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;

/** Domain assignments for rule tests, Monday to Friday 07:00-17:00 unless told otherwise. */
public final class Assignments {

    public static final ShiftCalendar WEEKDAYS_7_TO_17 = new ShiftCalendar(
            EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), LocalTime.of(7, 0), LocalTime.of(17, 0));

    private Assignments() {
    }

    public static Contract contract(ContractBasis basis, double allowance, double minimum, LocalDate start) {
        return new Contract(basis, allowance, minimum, true, start);
    }

    public static AssignmentInterval assignment(String id, String job, String from, String to, String zone,
            Contract contract) {
        return new AssignmentInterval(id, "acme/ex-1", job, Instant.parse(from).toEpochMilli(),
                to == null ? AssignmentInterval.OPEN : Instant.parse(to).toEpochMilli(), ZoneId.of(zone),
                WEEKDAYS_7_TO_17, contract);
    }
}
