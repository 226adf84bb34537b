package com.socketworkbench.ui.fx;

import com.socketworkbench.app.FxWatchdog;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.concurrent.TimeUnit;

import static com.socketworkbench.app.AppDriver.fx;
import static com.socketworkbench.app.AppDriver.fxRun;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

/** A tooltip given through {@link Tips} is made when the pointer first enters its control, with the latest text. */
@ExtendWith({ApplicationExtension.class, FxWatchdog.Extension.class})
@Timeout(60)
class TipsFxTest {
    private Button send;
    private Button away;

    @Start
    void start(Stage stage) {
        send = new Button("Send");
        away = new Button("Elsewhere");
        stage.setScene(new Scene(new HBox(40, away, send), 300, 100));
        stage.show();
    }

    private void enter(FxRobot robot, Button button) {
        robot.moveTo(away);
        robot.moveTo(button);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void theTooltipIsMadeOnTheFirstEnterWithTheLatestText(FxRobot robot) throws Exception {
        fxRun(() -> Tips.install(send, "Sends the bytes"));
        assertNull(fx(send::getTooltip), "nothing is made before the pointer comes");
        assertEquals("Sends the bytes", fx(() -> Tips.text(send)));
        fxRun(() -> Tips.install(send, "Sends the bytes now"));

        enter(robot, send);
        Tooltip made = fx(send::getTooltip);
        assertEquals("Sends the bytes now", fx(made::getText));
        // The first hover shows it too: JavaFX starts its delay on the mouse moves after the tooltip was made.
        robot.moveBy(2, 1);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> fx(made::isShowing));

        fxRun(() -> Tips.install(send, "Sends again"));
        assertSame(made, fx(send::getTooltip), "a made tooltip takes the new text");
        assertEquals("Sends again", fx(() -> Tips.text(send)));
        enter(robot, send);
        assertSame(made, fx(send::getTooltip));
    }

    @Test
    void aNullTextRemovesTheTooltipMadeOrNot(FxRobot robot) {
        fxRun(() -> Tips.install(send, "Sends the bytes"));
        fxRun(() -> Tips.install(send, null));
        assertNull(fx(() -> Tips.text(send)));
        enter(robot, send);
        assertNull(fx(send::getTooltip), "no tooltip is made for a removed text");

        fxRun(() -> Tips.install(send, "Back"));
        enter(robot, send);
        assertEquals("Back", fx(() -> send.getTooltip().getText()));
        fxRun(() -> Tips.install(send, null));
        assertNull(fx(send::getTooltip));
        assertNull(fx(() -> Tips.text(send)));
    }
}
