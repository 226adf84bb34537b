package com.socketworkbench.app;

import javafx.scene.Node;
import javafx.scene.control.ButtonBase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.testfx.util.WaitForAsyncUtils;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import static com.socketworkbench.app.AppDriver.fx;
import static com.socketworkbench.app.AppDriver.fxRun;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every button that shows only a symbol (✕, ▲, ▼, ↑, ↓ …) has an accessible name, so a screen reader says what it
 * does: checked in every tab kind with the socket and messages panels open.
 */
@Timeout(60)
class IconButtonsTest {
    private static final Pattern WORDLESS = Pattern.compile("[^\\p{L}\\p{N}]+");
    private final AppDriver driver = new AppDriver();

    @AfterEach
    void close() throws Exception {
        driver.close();
    }

    @Test
    void everySymbolOnlyButtonHasAnAccessibleName() throws Exception {
        driver.launch();
        List<String> nameless = new ArrayList<>();
        int seen = 0;
        for (TabKind kind : TabKinds.all()) {
            if (!TabKinds.newWorkspace().contains(kind)) {
                fxRun(() -> driver.app().strip().openNew(kind));
            }
            driver.selectTab(kind.id());
            for (String toggle : List.of("#socketPanelToggle", "#messagesToggle")) {
                if (driver.robot().lookup("#" + kind.id() + " " + toggle).tryQuery().isPresent()) {
                    driver.click("#" + kind.id() + " " + toggle);
                }
            }
            WaitForAsyncUtils.waitForFxEvents();
            seen += fx(() -> {
                int symbols = 0;
                for (Node node : driver.node("#" + kind.id()).lookupAll(".button")) {
                    if (node instanceof ButtonBase button && button.getText() != null && !button.getText().isEmpty()
                            && WORDLESS.matcher(button.getText()).matches()) {
                        symbols++;
                        String name = button.getAccessibleText();
                        if (name == null || name.isBlank()) {
                            nameless.add(kind.id() + " #" + button.getId() + " '" + button.getText() + "'");
                        }
                    }
                }
                return symbols;
            });
        }
        assertTrue(seen >= 4, "the walk found the symbol buttons (history, search arrows, panel closers): " + seen);
        assertEquals(List.of(), nameless);
    }
}
