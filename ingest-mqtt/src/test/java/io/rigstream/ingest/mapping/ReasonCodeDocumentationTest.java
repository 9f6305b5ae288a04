package io.rigstream.ingest.mapping;

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

/** Every reason code the bridge dead-letters with is documented where consumers of the rejected topic look. */
class ReasonCodeDocumentationTest {

    private static final Path README = Path.of("..", "README.md");

    @Test
    void theSchemaDocumentsEveryBridgeReason() {
        String doc = RejectedReading.getClassSchema().getField("reason").doc();
        for (ReasonCode reason : ReasonCode.values()) {
            assertThat(doc).as("RejectedReading.reason doc").contains(reason.name() + " ");
        }
    }

    @Test
    void theReadmeTableListsExactlyTheBridgeReasons() throws IOException {
        Matcher rows = Pattern.compile("(?m)^\\| ingest \\| `([A-Z_]+)` \\|").matcher(Files.readString(README));
        List<String> listed = new ArrayList<>();
        while (rows.find()) {
            listed.add(rows.group(1));
        }
        assertThat(listed).containsExactlyElementsOf(Arrays.stream(ReasonCode.values()).map(Enum::name).toList());
    }
}
