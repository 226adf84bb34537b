package com.socketworkbench.app;

import com.socketworkbench.engine.codec.PayloadFormat;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import org.controlsfx.control.decoration.Decorator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.testfx.util.WaitForAsyncUtils;

import static com.socketworkbench.app.AppDriver.fx;
import static com.socketworkbench.app.AppDriver.fxRun;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Live validation of the settings bar and the send editor, in the real window. */
@Timeout(60)
class ValidationTest {
    private final AppDriver driver = new AppDriver();

    @BeforeEach
    void launch() throws Exception {
        driver.launch();
    }

    @AfterEach
    void close() throws Exception {
        driver.close();
    }

    @Test
    void anInvalidPortExplainsItselfAndDisablesStart() {
        driver.selectTab("tcpServer");
        assertFalse(driver.disabled("#tcpServer #startStop"));

        driver.setText("#tcpServer #port", "70000");
        assertEquals("Port must be a number from 0 to 65535 (0 = any free port)", driver.text("#tcpServer #portMessage"));
        assertTrue(fx(() -> driver.node("#tcpServer #portMessage").isVisible()));
        assertTrue(driver.disabled("#tcpServer #startStop"));

        driver.setText("#tcpServer #port", "abc");
        assertTrue(driver.text("#tcpServer #portMessage").contains("'abc' is not a number"),
                driver.text("#tcpServer #portMessage"));
        assertTrue(driver.disabled("#tcpServer #startStop"));
        // ControlsFX decorates the field (the decoration is applied on a later pulse).
        driver.waitUntil(() -> hasDecoration("#tcpServer #port"));

        driver.setText("#tcpServer #port", "80");
        assertFalse(driver.disabled("#tcpServer #startStop"));
        assertTrue(driver.text("#tcpServer #portMessage").contains("privileged"), "a hint, not an error");

        driver.setText("#tcpServer #port", "5000");
        assertFalse(fx(() -> driver.node("#tcpServer #portMessage").isVisible()));
        driver.waitUntil(() -> !hasDecoration("#tcpServer #port"));
    }

    @Test
    void theClientRejectsPortZeroAndAnEmptyHost() {
        driver.selectTab("tcpClient");
        driver.setText("#tcpClient #port", "0");
        assertEquals("Port must be a number from 1 to 65535", driver.text("#tcpClient #portMessage"));
        assertTrue(driver.disabled("#tcpClient #connect"));
        driver.setText("#tcpClient #port", "5000");
        assertFalse(driver.disabled("#tcpClient #connect"));

        driver.setText("#tcpClient #host", " ");
        assertFalse(driver.text("#tcpClient #hostMessage").isEmpty());
        assertTrue(driver.disabled("#tcpClient #connect"));
        driver.setText("#tcpClient #host", "::1");
        assertFalse(driver.disabled("#tcpClient #connect"), "IPv6 literals are fine");
    }

    @Test
    void badHexNamesThePositionAndDisablesSend() {
        driver.selectTab("tcpClient");
        fxRun(() -> driver.<ComboBox<PayloadFormat>>node("#tcpClient #inputFormat").setValue(PayloadFormat.HEX));

        driver.setText("#tcpClient #input", "zz");
        String message = driver.text("#tcpClient #inputMessage");
        assertTrue(message.contains("position 1"), message);
        assertTrue(message.contains("'z'"), message);
        assertTrue(driver.disabled("#tcpClient #send"));
        driver.waitUntil(() -> hasDecoration("#tcpClient #input"));

        driver.setText("#tcpClient #input", "abc");
        message = driver.text("#tcpClient #inputMessage");
        assertTrue(message.contains("position"), message);
        assertTrue(driver.disabled("#tcpClient #send"));

        driver.setText("#tcpClient #input", "ab cd");
        assertEquals("", driver.text("#tcpClient #inputMessage"));
        assertTrue(driver.disabled("#tcpClient #send"), "still disabled: not connected");
        assertEquals("Connect first", driver.text("#tcpClient #sendTargetHint"));
    }

    @Test
    void typingIntoTheEditorWorksThroughTheKeyboard() {
        driver.selectTab("tcpClient");
        driver.robot().clickOn("#tcpClient #input").write("a\\qb");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("a\\qb", fx(() -> driver.<TextArea>node("#tcpClient #input").getText()));
        String message = fx(() -> driver.<Label>node("#tcpClient #inputMessage").getText());
        assertTrue(message.contains("position 2"), message);
    }

    private boolean hasDecoration(String selector) {
        var decorations = Decorator.getDecorations(driver.node(selector));
        return decorations != null && !decorations.isEmpty();
    }
}
