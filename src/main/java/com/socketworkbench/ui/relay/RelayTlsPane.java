package com.socketworkbench.ui.relay;

import com.socketworkbench.engine.relay.RelayTransport;
import com.socketworkbench.engine.text.Texts;
import com.socketworkbench.ui.fx.Subscriptions;
import com.socketworkbench.ui.tab.LazyPanel;
import com.socketworkbench.ui.tls.TlsClientPanel;
import com.socketworkbench.ui.tls.TlsServerPanel;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableStringValue;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/**
 * The relay's TLS settings under its settings bar, as the TCP Server and TCP Client tabs show theirs: while
 * {@code #relayClientTls} is on, {@code #relayClientTlsSettings} holds the TCP Server tab's TLS panel (certificate
 * source, Generate, the certificate's details, {@code #tlsExportCert}, files, client certificates, ALPN, versions);
 * while {@code #relayServerTls} is on, {@code #relayServerTlsSettings} holds the TCP Client tab's (insecure, extra CA,
 * SNI defaulting to the target host, ALPN, versions, client certificate). Inside each the ids are the TLS panels'
 * own ({@code #tlsAlpn}, …): look them up under the side's id. Both are TCP only and locked while the relay runs
 * (Export stays usable).
 */
public final class RelayTlsPane {
    private static final Texts TEXT = RelayTexts.TEXT;

    private final TlsServerPanel towardClient;
    private final TlsClientPanel towardTarget;
    private final Node node;

    RelayTlsPane(RelayTls tls, ObjectProperty<RelayTransport> transport, ObservableStringValue targetHost,
                 ObservableBooleanValue locked, Subscriptions subscriptions) {
        // The panels' own switches stay out of the scene: the relay's check boxes are the switches.
        towardClient = new TlsServerPanel(tls.towardClient(), locked, subscriptions);
        towardTarget = new TlsClientPanel(tls.towardTarget(), targetHost, locked, subscriptions);
        BooleanBinding tcp = transport.isEqualTo(RelayTransport.TCP);
        Node clientSide = LazyPanel.showWhen(() -> side("relayClientTlsSettings", "tls.client.settings",
                towardClient.panel()), tcp.and(tls.towardClient().enabledProperty()), subscriptions);
        Node targetSide = LazyPanel.showWhen(() -> side("relayServerTlsSettings", "tls.server.settings",
                towardTarget.panel()), tcp.and(tls.towardTarget().enabledProperty()), subscriptions);
        VBox box = new VBox(4, clientSide, targetSide);
        box.getStyleClass().add("relay-tls");
        node = box;
    }

    private static Node side(String id, String titleKey, Node panel) {
        Label title = new Label(TEXT.get(titleKey));
        title.getStyleClass().add("section-title");
        VBox side = new VBox(2, title, panel);
        side.setId(id);
        side.getStyleClass().add("relay-tls-side");
        return side;
    }

    /** Both sides' panels, each shown while its side is on. */
    Node node() {
        return node;
    }

    /** Toward the client: the TCP Server tab's TLS panel. */
    public TlsServerPanel towardClient() {
        return towardClient;
    }

    /** Toward the target: the TCP Client tab's TLS panel. */
    public TlsClientPanel towardTarget() {
        return towardTarget;
    }
}
