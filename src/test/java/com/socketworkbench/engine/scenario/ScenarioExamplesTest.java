package com.socketworkbench.engine.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Every example scenario under the top-level resources/scenarios/ reads without an error, talks only to loopback,
 * and is packaged where the app finds it; the one in docs/scenarios.md is among them.
 */
class ScenarioExamplesTest {
    private static final Path EXAMPLES = Path.of("resources", "scenarios");

    @Test
    void everyExampleParsesAndIsPackaged() throws Exception {
        List<Path> files;
        try (Stream<Path> list = Files.list(EXAMPLES)) {
            files = list.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        assertTrue(files.size() >= 4, "examples: " + files);
        for (Path file : files) {
            Scenario scenario = ScenarioParser.parse(file);
            for (ConnectionSpec connection : scenario.connections().values()) {
                assertTrue(connection.addressText().startsWith("127.0.0.1:"),
                        file + ": " + connection.name() + " is not on loopback");
            }
            assertNotNull(ScenarioExamplesTest.class.getResource(
                    "/com/socketworkbench/resources/scenarios/" + file.getFileName()), file + " is not packaged");
        }
    }

    @Test
    void theDocsExampleIsTheGreetExample() throws Exception {
        String docs = Files.readString(Path.of("docs", "scenarios.md"));
        String example = Files.readString(EXAMPLES.resolve("greet-and-answer.yaml"));
        String body = example.substring(example.indexOf("name:"));
        assertTrue(docs.contains(body), "docs/scenarios.md shows resources/scenarios/greet-and-answer.yaml");
        assertEquals(4, ScenarioParser.parse(body, "docs").steps().size());
    }
}
