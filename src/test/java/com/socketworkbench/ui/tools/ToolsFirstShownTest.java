package com.socketworkbench.ui.tools;

import com.socketworkbench.app.AppDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.testfx.util.WaitForAsyncUtils;

import static com.socketworkbench.app.AppDriver.fx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * The Tools tab reads the services table and collects this host's information when it is first shown, not while a
 * window that opens on another tab draws its first frame (P6).
 */
@Timeout(60)
class ToolsFirstShownTest {
    private final AppDriver driver = new AppDriver();

    @AfterEach
    void close() throws Exception {
        driver.close();
    }

    @Test
    void theToolsStartLookingWhenTheTabIsFirstShown() throws Exception {
        driver.launch();
        driver.selectTab("tcpServer");
        ToolsViewModel model = fx(() -> driver.app().tabs().stream().filter(ToolsTab.class::isInstance)
                .map(tab -> ((ToolsTab) tab).model()).findFirst().orElseThrow());
        WaitForAsyncUtils.waitForFxEvents();
        assertNull(fx(() -> model.services().tableProperty().get()), "no services table read before Tools is shown");
        assertEquals("", fx(() -> model.hostInfo().summaryProperty().get()), "no host information collected yet");

        driver.selectTab("tools");
        driver.waitUntil(() -> fx(() -> model.services().tableProperty().get() != null));
        driver.waitUntil(() -> !fx(() -> model.hostInfo().summaryProperty().get()).isEmpty());
    }
}
