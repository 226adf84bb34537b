package com.socketworkbench.app;

import com.socketworkbench.engine.framing.FramingMode;
import javafx.scene.control.ComboBox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static com.socketworkbench.app.AppDriver.fx;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The example workspaces in resources/examples open in the real app with the settings they name. */
class ExampleWorkspacesTest {
    @TempDir
    Path dir;
    private AppDriver driver;

    @AfterEach
    void close() throws Exception {
        if (driver != null) {
            driver.close();
        }
    }

    @Test
    void theStickyPacketsExampleOpensWithItsTabsFramingAndMessages() throws Exception {
        Path copy = dir.resolve("sticky-packets.json");
        Files.copy(Path.of("resources/examples/workspaces/sticky-packets.json"), copy);
        driver = new AppDriver().launch("--workspace=" + copy);
        List<String> titles = fx(() -> driver.app().strip().tabs().stream().map(WindowTab::title).toList());
        assertEquals(List.of("Receiver (length-prefixed)", "Sender (split send)", "Sender (one write, two messages)",
                "Tools"), titles);
        driver.selectTab("tcpServer");
        assertEquals("5020", driver.text("#tcpServer #port"));
        assertEquals(FramingMode.LENGTH_PREFIX,
                fx(() -> driver.<ComboBox<FramingMode>>node("#tcpServer #framingMode").getValue()));
        assertEquals(2, fx(() -> driver.app().messages().messages().size()));
        assertEquals(AppIcons.SIZES.length, fx(() -> driver.stage().getIcons().size()), "the window has its icon");
    }
}
