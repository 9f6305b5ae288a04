package io.rigstream.odoo.sink.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ExternalIdsTest {

    private final ExternalIds ids = new ExternalIds("rigstream");

    @Test
    void usageIdsNameJobEquipmentAndDay() {
        assertThat(ids.usage("J-1001", "EX-0042", LocalDate.of(2026, 11, 23))).isEqualTo("rigstream.usage_J-1001_EX-0042_20261123");
    }

    @Test
    void theSameBusinessKeyAlwaysGivesTheSameId() {
        assertThat(ids.trigger("acme-EX-0042-service-500")).isEqualTo(ids.trigger("acme-EX-0042-service-500"))
                .isEqualTo("rigstream.trigger_acme-EX-0042-service-500");
    }

    @Test
    void replacedCharactersAddAHashSoKeysThatDifferOnlyThereStayApart() {
        String dotted = ids.usage("J.1", "EX_1", LocalDate.of(2026, 11, 23));
        String dashed = ids.usage("J-1", "EX-1", LocalDate.of(2026, 11, 23));

        assertThat(dotted).startsWith("rigstream.usage_J-1_EX-1_20261123_h").hasSize(dashed.length() + 18);
        assertThat(dotted).isNotEqualTo(dashed).isNotEqualTo(ids.usage("J_1", "EX.1", LocalDate.of(2026, 11, 23)));
    }

    @Test
    void partBoundariesCannotBeForgedWithUnderscores() {
        assertThat(ids.usage("J_1", "EX", LocalDate.of(2026, 11, 23))).isNotEqualTo(ids.usage("J", "1_EX", LocalDate.of(2026, 11, 23)));
    }

    @Test
    void idsStayWithinOdoosExternalIdAlphabet() {
        assertThat(ids.trigger("tenant/équipement #7")).matches("rigstream\\.trigger_[A-Za-z0-9-]+_h[0-9a-f]{16}");
    }
}
