package io.rigstream.launcher.assignments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rigstream.schemas.ContractBasis;
import io.rigstream.schemas.EquipmentAssignment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AssignmentFileTest {

    private static final Path EXAMPLES = Path.of("..", "docs", "examples");

    @Test
    void yamlAndCsvExamplesDescribeTheSameTransfer() throws Exception {
        List<EquipmentAssignment> yaml = AssignmentFile.read(EXAMPLES.resolve("assignments.yaml"));
        List<EquipmentAssignment> csv = AssignmentFile.read(EXAMPLES.resolve("assignments.csv"));
        assertThat(csv).isEqualTo(yaml);
        EquipmentAssignment first = yaml.get(0);
        assertThat(first.getJobId()).isEqualTo("J1001");
        assertThat(first.getValidTo()).isEqualTo(Instant.parse("2026-11-18T06:00:00Z"));
        assertThat(first.getShift().getWorkingDays()).containsExactly("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY");
        assertThat(first.getContract().getMinimumDailyHours()).isEqualTo(4.0);
        assertThat(first.getContract().getContractStart()).isEqualTo(LocalDate.of(2026, 11, 2));
        EquipmentAssignment second = yaml.get(1);
        assertThat(second.getValidTo()).isNull();
        assertThat(second.getContract().getBasis()).isEqualTo(ContractBasis.WEEK);
        // Defaults when left out: the WEEK allowance, no minimum, downtime credited.
        assertThat(second.getContract().getAllowanceHours()).isEqualTo(40.0);
        assertThat(second.getContract().getMinimumDailyHours()).isZero();
        assertThat(second.getContract().getDowntimeCredit()).isTrue();
    }

    @Test
    void everyBadEntryIsNamedAndNothingIsPublished(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("bad.csv");
        Files.writeString(file, """
                assignmentId,tenant,equipmentId,jobId,validFrom,validTo,siteTimeZone,workingDays,shiftStart,shiftEnd,basis
                a1,acme,EX-1,J1,2026-11-02T00:00:00Z,,Mars/Olympus,MONDAY,07:00,17:00,DAY
                a2,acme,EX-2,J1,2026-11-02T00:00:00Z,,Europe/Berlin,MONDAY,17:00,07:00,DAY
                a3,acme,EX-3,,2026-11-02T00:00:00Z,,Europe/Berlin,MONDAY,07:00,17:00,DAY
                """);
        assertThatThrownBy(() -> AssignmentFile.read(file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("entry 1").hasMessageContaining("Mars/Olympus")
                .hasMessageContaining("entry 2: shiftEnd 07:00 must be after shiftStart 17:00")
                .hasMessageContaining("entry 3: 'jobId' is required");
    }
}
