package com.socketworkbench.ui.tab;

import com.socketworkbench.ui.fx.Subscriptions;

import com.socketworkbench.app.FxWatchdog;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static com.socketworkbench.app.AppDriver.fx;
import static com.socketworkbench.app.AppDriver.fxRun;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The shared layout pieces of the tab views, on the FX thread. */
@ExtendWith({ApplicationExtension.class, FxWatchdog.Extension.class})
@Timeout(30)
class TabLayoutFxTest {
    private final Subscriptions subscriptions = new Subscriptions();
    private final ObjectProperty<ListenerState> state = new SimpleObjectProperty<>(ListenerState.STOPPED);
    private final BooleanProperty canStart = new SimpleBooleanProperty(true);

    @Start
    void start(Stage stage) {
        stage.setScene(new Scene(new StackPane(), 200, 100));
        stage.show();
    }

    @Test
    void onlyOneSidePanelIsOpenAtATime() {
        javafx.scene.control.ToggleButton messages = new javafx.scene.control.ToggleButton("Messages");
        javafx.scene.control.ToggleButton rules = new javafx.scene.control.ToggleButton("Rules");
        javafx.scene.control.ToggleButton repeat = new javafx.scene.control.ToggleButton("Repeat");
        fxRun(() -> SidePanels.onlyOneOf(subscriptions, messages, rules, repeat));
        fxRun(() -> messages.setSelected(true));
        fxRun(() -> rules.setSelected(true));
        assertFalse(fx(messages::isSelected), "opening rules closed messages");
        fxRun(() -> repeat.setSelected(true));
        assertFalse(fx(rules::isSelected));
        assertTrue(fx(repeat::isSelected));
        fxRun(() -> repeat.setSelected(false));
        assertFalse(fx(() -> messages.isSelected() || rules.isSelected() || repeat.isSelected()),
                "closing one opens none of the others");
    }

    @Test
    void startStopSaysWhatItWillDoAndIsOnlyEnabledWhenThatIsPossible() {
        AtomicInteger toggles = new AtomicInteger();
        Button button = fx(() -> TabLayout.startStopButton(state, canStart, toggles::incrementAndGet, "Bind or close",
                subscriptions));
        assertEquals("startStop", button.getId());
        assertEquals("Start", fx(button::getText));
        assertFalse(fx(button::isDisable));
        assertTrue(fx(() -> button.getStyleClass().contains("accent")));

        fxRun(() -> canStart.set(false));
        assertTrue(fx(button::isDisable), "an invalid port keeps Start disabled");
        fxRun(() -> state.set(ListenerState.STARTING));
        assertEquals("Starting…", fx(button::getText));
        assertTrue(fx(button::isDisable));
        fxRun(() -> state.set(ListenerState.RUNNING));
        assertEquals("Stop", fx(button::getText));
        assertFalse(fx(button::isDisable), "Stop needs no valid settings");
        assertTrue(fx(() -> button.getStyleClass().contains("danger") && !button.getStyleClass().contains("accent")));
        fxRun(button::fire);
        assertEquals(1, toggles.get());
        fxRun(() -> state.set(ListenerState.STOPPING));
        assertEquals("Stopping…", fx(button::getText));
        assertTrue(fx(button::isDisable));
    }

    @Test
    void aMessageRowTakesRoomOnlyWhileOneOfItsMessagesShows() {
        StringProperty error = new SimpleStringProperty("");
        Label other = fx(() -> new Label("0 = any free port"));
        fxRun(() -> other.setVisible(false));
        Label message = fx(() -> TabLayout.errorLabel("sendMessage", error, subscriptions));
        FlowPane row = fx(() -> TabLayout.messageRow("settings-messages", subscriptions, message, other));
        assertTrue(fx(() -> message.getStyleClass().contains("field-error")));
        assertFalse(fx(row::isVisible));
        assertFalse(fx(row::isManaged));

        fxRun(() -> error.set("Port unreachable"));
        assertEquals("Port unreachable", fx(message::getText));
        assertTrue(fx(() -> message.isVisible() && message.isManaged() && row.isVisible() && row.isManaged()));

        fxRun(() -> error.set(""));
        assertFalse(fx(() -> message.isManaged() || row.isVisible()));
        fxRun(() -> other.setVisible(true));
        assertTrue(fx(row::isVisible), "any visible message opens the row");
    }

    @Test
    void aStateBadgeIsActiveWhileItsConditionHolds() {
        StringProperty text = new SimpleStringProperty("Not bound");
        Label badge = fx(() -> TabLayout.stateBadge("listeningAddress", "listening-address", text,
                state.isEqualTo(ListenerState.RUNNING), subscriptions));
        assertEquals("Not bound", fx(badge::getText));
        assertFalse(fx(() -> badge.getStyleClass().contains("active")));
        fxRun(() -> {
            text.set("Bound to 127.0.0.1:5000");
            state.set(ListenerState.RUNNING);
        });
        assertEquals("Bound to 127.0.0.1:5000", fx(badge::getText));
        assertTrue(fx(() -> badge.getStyleClass().containsAll(List.of("state-badge", "listening-address",
                "active"))));
        fxRun(() -> state.set(ListenerState.STOPPING));
        assertFalse(fx(() -> badge.getStyleClass().contains("active")));
    }
}
