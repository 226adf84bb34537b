package com.socketworkbench.ui.input;

import com.socketworkbench.app.FxWatchdog;
import com.socketworkbench.ui.fx.Subscriptions;
import com.socketworkbench.ui.tab.TabLayout;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import static com.socketworkbench.app.AppDriver.fx;
import static com.socketworkbench.app.AppDriver.fxRun;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A field's message floats in the tab's layer without moving anything: under the field where that space is free,
 * elsewhere (never over a control) where a button lies under the field, and the row the view put it in stays closed.
 */
@ExtendWith({ApplicationExtension.class, FxWatchdog.Extension.class})
@Timeout(30)
class FloatingMessageFxTest {
    private final Subscriptions subscriptions = new Subscriptions();
    private final PortInput input = PortInput.toListenOn("5000");
    private PortField port;
    private FlowPane row;
    private Button below;
    private HBox lower;

    /** A tab-like root: a bar with the port field, its message row, and a bar of buttons under it. */
    @Start
    void start(Stage stage) {
        port = new PortField("port", input, subscriptions);
        Region spacer = new Region();
        spacer.setPrefWidth(300);
        HBox bar = new HBox(8, spacer, port.field());
        row = TabLayout.messageRow("settings-messages", subscriptions, port.messageLabel());
        below = new Button("Under the port");
        below.setId("below");
        below.setVisible(false);
        Region gap = new Region();
        gap.setPrefWidth(300);
        lower = new HBox(8, gap, below);
        BorderPane root = new BorderPane(new Region(), new VBox(bar, row, lower), null, null, null);
        root.getStyleClass().add("tab-content");
        stage.setScene(new Scene(root, 800, 300));
        stage.show();
    }

    @AfterEach
    void dispose() {
        fxRun(subscriptions::dispose);
    }

    @Test
    void theMessageFloatsUnderItsFieldAndMovesNothing() {
        Bounds lowerBefore = fx(() -> sceneBounds(lower));
        fxRun(() -> input.textProperty().set("70000"));
        settle();

        assertTrue(fx(() -> port.messageLabel().isVisible()));
        assertFalse(fx(row::isManaged), "the row takes no room for a message that floats");
        assertEquals(lowerBefore, fx(() -> sceneBounds(lower)), "nothing under the bar moved");
        Bounds field = fx(() -> sceneBounds(port.field()));
        Bounds message = fx(() -> sceneBounds(port.messageLabel()));
        assertEquals(field.getMinX(), message.getMinX(), 1, "right under the field");
        assertTrue(message.getMinY() >= field.getMaxY() && message.getMinY() <= field.getMaxY() + 4,
                "just under the field: " + message + " / " + field);
        assertEquals(fx(() -> port.messageLabel().getText()), fx(() -> port.field().getAccessibleHelp()));

        fxRun(() -> input.textProperty().set("5000"));
        settle();
        assertFalse(fx(() -> port.messageLabel().isVisible()));
        assertNull(fx(() -> port.field().getAccessibleHelp()));
    }

    @Test
    void aControlUnderTheFieldIsNeverCovered() {
        fxRun(() -> below.setVisible(true));
        settle();
        Bounds button = fx(() -> sceneBounds(below));
        fxRun(() -> input.textProperty().set("abc"));
        settle();

        Bounds message = fx(() -> sceneBounds(port.messageLabel()));
        assertTrue(fx(() -> port.messageLabel().isVisible()));
        assertFalse(message.intersects(button), "the message " + message + " covers the button " + button);
        assertFalse(message.intersects(fx(() -> sceneBounds(port.field()))), "nor its own field");
        assertEquals(button, fx(() -> sceneBounds(below)), "the button did not move");
    }

    private static Bounds sceneBounds(Node node) {
        return node.localToScene(node.getLayoutBounds());
    }

    private static void settle() {
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitForFxEvents();
    }
}
