package com.socketworkbench.ui.input;

import com.socketworkbench.ui.fx.Subscriptions;
import com.socketworkbench.ui.fx.Tips;

import com.socketworkbench.app.FxWatchdog;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.util.List;

import static com.socketworkbench.app.AppDriver.fx;
import static com.socketworkbench.app.AppDriver.fxRun;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The settings fields take their automation ids from the tab, and the bind picker speaks of what it receives. */
@ExtendWith({ApplicationExtension.class, FxWatchdog.Extension.class})
@Timeout(30)
class SettingsFieldsFxTest {
    private final Subscriptions subscriptions = new Subscriptions();

    @Start
    void start(Stage stage) {
        stage.setScene(new Scene(new StackPane(), 200, 100));
        stage.show();
    }

    @Test
    void hostAndPortFieldsNameTheirMessagesAfterThemselves() {
        HostField host = fx(() -> new HostField("targetHost", new HostInput(""), subscriptions));
        PortField port = fx(() -> new PortField("portCheckPort", PortInput.toReach("0"), subscriptions));
        assertEquals("targetHost", host.field().getId());
        assertEquals("targetHostMessage", host.messageLabel().getId());
        assertEquals("portCheckPort", port.field().getId());
        assertEquals("portCheckPortMessage", port.messageLabel().getId());
        assertTrue(fx(() -> host.messageLabel().isVisible()), "an empty host is explained at once");
        assertTrue(fx(() -> port.messageLabel().getStyleClass().contains("field-error")), "0 is no port to reach");
    }

    @Test
    void theBindPickerWarnsInTheWordsOfItsSocket() {
        List<BindChoice> choices = List.of(BindChoices.LOOPBACK_V4, BindChoices.ANY_V4);
        BindAddressPicker udp = fx(() -> new BindAddressPicker(new BindAddressInput(
                BindAddressInput.Inbound.DATAGRAMS, "127.0.0.1", () -> choices), subscriptions));
        BindAddressPicker tcp = fx(() -> new BindAddressPicker(new BindAddressInput(
                BindAddressInput.Inbound.CONNECTIONS, "127.0.0.1", () -> choices), subscriptions));
        assertEquals("Other machines on your network can send datagrams to this port", udp.warningLabel().getText());
        assertEquals("Other machines on your network can connect to this port", tcp.warningLabel().getText());
        assertTrue(fx(() -> Tips.text(udp.comboBox()))
                .startsWith("Which local address receives datagrams.\n127.0.0.1 / ::1: only programs"));
        assertTrue(fx(() -> Tips.text(tcp.comboBox()))
                .startsWith("Which local address accepts connections."));

        assertFalse(fx(() -> udp.warningLabel().isVisible()), "loopback needs no warning");
        fxRun(() -> udp.select("0.0.0.0"));
        assertTrue(fx(() -> udp.warningLabel().isVisible()));
    }
}
