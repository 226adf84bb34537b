package com.socketworkbench.app;

import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static com.socketworkbench.app.AppDriver.fxRun;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The real questions, answered by clicking their buttons (the alerts run headless like any window). */
@Timeout(60)
class FxWindowDialogsTest {
    private final FxRobot robot = new FxRobot();
    private Stage owner;
    private FxWindowDialogs dialogs;

    @BeforeEach
    void show() throws Exception {
        owner = FxToolkit.registerPrimaryStage();
        dialogs = new FxWindowDialogs(owner);
    }

    @AfterEach
    void closeLeftovers() {
        fxRun(() -> robot.lookup(".dialog-pane").queryAll().forEach(pane -> pane.getScene().getWindow().hide()));
    }

    @Test
    void closingALiveTabIsConfirmedOrRefusedByItsButtons() throws Exception {
        Future<Boolean> yes = WaitForAsyncUtils.asyncFx(() -> dialogs.confirmClose("TCP Server 2",
                "Listening on 127.0.0.1:5000 · 1 client"));
        DialogPane pane = awaitDialog("#confirmCloseTab");
        assertTrue(pane.getContentText().startsWith("Listening on 127.0.0.1:5000 · 1 client."), pane.getContentText());
        assertEquals("Close \u201cTCP Server 2\u201d?", pane.getHeaderText());
        press(pane, "Close Tab");
        assertTrue(yes.get(10, TimeUnit.SECONDS));

        Future<Boolean> no = WaitForAsyncUtils.asyncFx(() -> dialogs.confirmClose("UDP", "UDP bound to 127.0.0.1:9"));
        press(awaitDialog("#confirmCloseTab"), "Cancel");
        assertFalse(no.get(10, TimeUnit.SECONDS));
    }

    @Test
    void unsavedChangesOfferSaveDontSaveAndCancel() throws Exception {
        for (var expected : WindowDialogs.UnsavedChoice.values()) {
            Future<WindowDialogs.UnsavedChoice> answer = WaitForAsyncUtils.asyncFx(() -> dialogs.askToSave("lab"));
            DialogPane pane = awaitDialog("#askToSave");
            assertEquals("Save the changes to \u201clab\u201d?", pane.getHeaderText());
            press(pane, switch (expected) {
                case SAVE -> "Save";
                case DISCARD -> "Don't Save";
                case CANCEL -> "Cancel";
            });
            assertEquals(expected, answer.get(10, TimeUnit.SECONDS));
        }
    }

    private DialogPane awaitDialog(String id) {
        return await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20))
                .until(() -> AppDriver.fx(() -> robot.lookup(id).<DialogPane>tryQuery()), Optional::isPresent)
                .orElseThrow();
    }

    private void press(DialogPane pane, String text) {
        fxRun(() -> {
            for (Node node : pane.lookupAll(".button")) {
                if (node instanceof Button button && text.equals(button.getText())) {
                    button.fire();
                    return;
                }
            }
            throw new AssertionError("no button " + text);
        });
        WaitForAsyncUtils.waitForFxEvents();
    }
}
