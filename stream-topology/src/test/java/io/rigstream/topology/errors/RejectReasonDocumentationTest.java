package io.rigstream.topology.errors;

import static org.assertj.core.api.Assertions.assertThat;

import io.rigstream.schemas.RejectedReading;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Every reason code the topology dead-letters with is documented where consumers of the rejected topic look. */
class RejectReasonDocumentationTest {

    private static final Path README = Path.of("..", "README.md");
    private static final Path USAGE_RULES = Path.of("..", "docs", "usage-rules.md");

    @Test
    void theSchemaDocumentsEveryTopologyReason() {
        String doc = RejectedReading.getClassSchema().getField("reason").doc();
        for (RejectReason reason : RejectReason.values()) {
            assertThat(doc).as("RejectedReading.reason doc").contains(reason.name() + " ");
        }
    }

    @Test
    void theReadmeTableListsExactlyTheTopologyReasons() throws IOException {
        String readme = Files.readString(README);
        Matcher rows = Pattern.compile("(?m)^\\| topology \\| `([A-Z_]+)` \\|").matcher(readme);
        List<String> listed = new ArrayList<>();
        while (rows.find()) {
            listed.add(rows.group(1));
        }
        assertThat(listed).containsExactlyInAnyOrderElementsOf(
                Arrays.stream(RejectReason.values()).map(Enum::name).toList());
    }

    @Test
    void theUsageRulesNameEveryTopologyReason() throws IOException {
        String rules = Files.readString(USAGE_RULES);
        for (RejectReason reason : RejectReason.values()) {
            assertThat(rules).contains("`" + reason.name() + "`");
        }
    }
}
