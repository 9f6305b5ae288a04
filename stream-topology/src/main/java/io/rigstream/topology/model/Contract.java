package io.rigstream.topology.model;

import io.rigstream.schemas.ContractBasis;
import java.time.LocalDate;
import java.util.Objects;

/**
 * Rental contract terms that turn usage into billable hours.
 *
 * @param contractStart first day of the contract (site-local), the anchor of 28-day PERIOD bases
 */
public record Contract(ContractBasis basis, double allowanceHours, double minimumDailyHours, boolean downtimeCredit,
        LocalDate contractStart) {

    /** Days in a PERIOD basis. */
    public static final int PERIOD_DAYS = 28;

    public Contract {
        Objects.requireNonNull(basis, "basis");
        Objects.requireNonNull(contractStart, "contractStart");
        if (allowanceHours <= 0 || minimumDailyHours < 0) {
            throw new IllegalArgumentException("allowance must be > 0 and minimum daily hours >= 0, got "
                    + allowanceHours + " and " + minimumDailyHours);
        }
    }

    /** The allowance a contract gets when it does not state one: a working day, week or 28-day period. */
    public static double defaultAllowanceHours(ContractBasis basis) {
        return switch (basis) {
            case DAY -> 8.0;
            case WEEK -> 40.0;
            case PERIOD -> 160.0;
        };
    }
}
