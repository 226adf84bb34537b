package com.socketworkbench.ui.tls;

import com.socketworkbench.ui.fx.Subscriptions;
import com.socketworkbench.ui.fx.Tips;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableStringValue;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import static com.socketworkbench.ui.tls.TlsTexts.TEXT;

/**
 * A TCP client's TLS: the {@code #tls} switch (beside Connect) and the panel it opens ({@code #tlsSettings}):
 * insecure switch ({@code #tlsInsecure}), extra CA ({@code #tlsCaFile}), SNI ({@code #tlsSni}, its prompt names the
 * host it defaults to), ALPN ({@code #tlsAlpn}), versions ({@code #tlsMinVersion}, {@code #tlsMaxVersion}) and
 * client certificate ({@code #tlsClientCert}, {@code #tlsClientKey}, {@code #tlsPassword}).
 */
public final class TlsClientPanel {
    private final CheckBox toggle;
    private final TlsClientForm form;
    private final ObservableStringValue host;
    private final ObservableBooleanValue locked;
    private final Subscriptions subscriptions;
    private VBox panel;
    private TlsFileChooser chooser = TlsFileChooser.system();

    /**
     * @param host   the host typed in the tab, which SNI defaults to
     * @param locked true while the settings cannot change (connecting, connected)
     */
    public TlsClientPanel(TlsClientForm form, ObservableStringValue host, ObservableBooleanValue locked,
                          Subscriptions subscriptions) {
        toggle = new CheckBox(TEXT.get("toggle"));
        toggle.setId("tls");
        toggle.getStyleClass().add("tls-toggle");
        Tips.install(toggle, TEXT.get("toggle.client.tooltip"));
        subscriptions.bindBidirectional(toggle.selectedProperty(), form.enabledProperty());
        subscriptions.bind(toggle.disableProperty(), locked);
        this.form = form;
        this.host = host;
        this.locked = locked;
        this.subscriptions = subscriptions;
    }

    /** The settings panel's nodes: made when the panel is first shown (most connections are plain TCP). */
    private VBox buildPanel() {
        TlsFields fields = new TlsFields(subscriptions, () -> chooser);
        CheckBox insecure = fields.insecure(form.insecureProperty());
        HBox caFile = fields.file("tlsCaFile", form.caFile(), form.caFile().verdictProperty(), 16,
                TEXT.get("ca.file.prompt"), TEXT.get("ca.file.tooltip"));
        TextField sni = fields.text("tlsSni", form.sni(), 12, "", TEXT.get("sni.tooltip"));
        subscriptions.bind(sni.promptTextProperty(), Bindings.createStringBinding(() -> host.get() == null
                || host.get().isBlank() ? TEXT.get("sni.prompt.host") : TEXT.get("sni.prompt", host.get().strip()),
                host));
        TextField alpn = fields.text("tlsAlpn", form.alpn(), 10, TEXT.get("alpn.prompt"), TEXT.get("alpn.tooltip"));
        Node versions = fields.versions(form.versions());

        ClientCertificateInput certificate = form.clientCertificate();
        HBox certFile = fields.file("tlsClientCert", certificate.certificate(),
                certificate.certificate().verdictProperty(), 16, TEXT.get("client.cert.prompt"),
                TEXT.get("client.cert.tooltip"));
        HBox keyFile = fields.file("tlsClientKey", certificate.key(), certificate.keyVerdictProperty(), 16,
                TEXT.get("client.key.prompt"), TEXT.get("client.key.tooltip"));
        PasswordField password = new PasswordField();
        password.setId("tlsPassword");
        password.setPrefColumnCount(8);
        password.setPromptText(TEXT.get("password.prompt"));
        Tips.install(password, TEXT.get("password.tooltip"));
        subscriptions.bindBidirectional(password.textProperty(), certificate.passwordProperty());

        VBox panel = fields.panel(
                TlsFields.row(insecure, TlsFields.labelled(TEXT.get("ca.file"), caFile),
                        TlsFields.labelled(TEXT.get("sni"), sni), TlsFields.labelled(TEXT.get("alpn"), alpn),
                        versions),
                TlsFields.row(TlsFields.labelled(TEXT.get("client.cert"), certFile),
                        TlsFields.labelled(TEXT.get("client.key"), keyFile),
                        TlsFields.labelled(TEXT.get("password"), password)));
        subscriptions.bind(panel.disableProperty(), locked);
        return panel;
    }

    /** The switch, for the settings bar beside Connect. */
    public CheckBox toggle() {
        return toggle;
    }

    /**
     * The panel, for under the settings bar; the tab shows it while TLS is on. Built at the first call: a tab asks
     * for it when it is first shown ({@link com.socketworkbench.ui.tab.LazyPanel}).
     */
    public VBox panel() {
        if (panel == null) {
            panel = buildPanel();
        }
        return panel;
    }

    /** Tests answer the file dialogs themselves. */
    public void setFileChooser(TlsFileChooser chooser) {
        this.chooser = chooser;
    }
}
