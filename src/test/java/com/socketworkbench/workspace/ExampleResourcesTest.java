package com.socketworkbench.workspace;

import com.socketworkbench.engine.codec.PayloadEncoder;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every example in the top-level resources/ folder opens without a problem, is written exactly as the app would
 * write it (so a user's first save of an example shows no spurious diff), and is packaged where the app looks.
 */
class ExampleResourcesTest {
    private static final Path EXAMPLES = Path.of("resources", "examples");
    /** Where pom.xml's resources section puts the folder in the jar (and on the test class path). */
    static final String PACKAGED = "/com/socketworkbench/resources/";

    @Test
    void everyMessageLibraryReadsAndEveryMessageEncodes() throws Exception {
        List<Path> files = files("messages");
        assertFalse(files.isEmpty(), "no example message libraries");
        for (Path file : files) {
            String text = WorkspaceFile.readText(file);
            List<SavedMessage> messages = MessagesJson.read(text);
            assertFalse(messages.isEmpty(), file + " has no messages");
            for (SavedMessage message : messages) {
                assertTrue(PayloadEncoder.validate(message.text(), message.format(), Charset.forName(message.charset()),
                        message.lineEnding()).isEmpty(), file + ": " + message.name() + " does not encode");
            }
            assertEquals(MessagesJson.write(messages), text, file + " is not in the app's own layout");
            assertPackaged("examples/messages/" + file.getFileName());
        }
    }

    @Test
    void everyWorkspaceOpens() throws Exception {
        for (Path file : files("workspaces")) {
            Workspace workspace = WorkspaceFile.load(file);
            assertFalse(workspace.tabs().isEmpty(), file + " has no tabs");
            assertEquals(WorkspaceJson.write(workspace), WorkspaceFile.readText(file),
                    file + " is not in the app's own layout");
            assertPackaged("examples/workspaces/" + file.getFileName());
        }
    }

    @Test
    void theIconIsPackaged() {
        for (int size : new int[]{16, 32, 48, 64, 128, 256}) {
            assertPackaged("icons/socket-workbench-" + size + ".png");
        }
    }

    private static void assertPackaged(String name) {
        URL url = ExampleResourcesTest.class.getResource(PACKAGED + name);
        assertNotNull(url, name + " is not on the class path under " + PACKAGED);
    }

    private static List<Path> files(String folder) throws IOException {
        try (Stream<Path> files = Files.list(EXAMPLES.resolve(folder))) {
            return files.filter(path -> path.toString().endsWith(".json")).sorted().toList();
        }
    }
}
