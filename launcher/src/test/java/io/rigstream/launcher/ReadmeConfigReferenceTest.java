package io.rigstream.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ReadmeConfigReferenceTest {

    @Test
    void readmeDocumentsEveryKeyOfEveryServiceAsTheCodeDefinesIt() throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"));
        ConfigReferenceCommand.definitions().forEach((service, definition) ->
                assertThat(readme).as("README table of %s; regenerate with `rigstream config-reference`", service)
                        .contains(ConfigReferenceCommand.table(service, definition)));
    }
}
