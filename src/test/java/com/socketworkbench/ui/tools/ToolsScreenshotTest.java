package com.socketworkbench.ui.tools;

import com.socketworkbench.app.Screenshots;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Writes {@code tools.png}: the address converter at 1280x800 with an address that shows several facts at once.
 * Run with {@code mvn test -Pscreenshots -Dtest='ToolsScreenshotTest*'}.
 */
@Tag("screenshots")
@Timeout(60)
class ToolsScreenshotTest {
    private final ToolsDriver driver = new ToolsDriver();

    @BeforeEach
    void launch() throws Exception {
        driver.launch();
        Screenshots.sizeWindow(driver.app().stage());
    }

    @AfterEach
    void close() throws Exception {
        driver.close();
    }

    @Test
    void addressConverter() throws Exception {
        driver.show(Tool.CONVERTER);
        driver.type("ipv6Input", "::ffff:192.168.1.255");
        driver.type("ipv4Input", "192.168.1.255");
        driver.type("classifyPrefix", "24");
        assertEquals("3232236031", driver.text("ipv4Integer"));
        assertEquals(2, driver.classification().size());
        Path file = driver.snapshot("tools.png");
        assertTrue(Files.size(file) > 10_000, "a real picture was written to " + file);
    }
}
