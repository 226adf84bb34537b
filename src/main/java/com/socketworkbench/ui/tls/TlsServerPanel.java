package com.socketworkbench.ui.tls;

import com.socketworkbench.engine.http.CertSummary;
import com.socketworkbench.engine.tls.ClientAuth;
import com.socketworkbench.ui.fx.Subscriptions;
import com.socketworkbench.ui.fx.Tips;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanExpression;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.FXCollections;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

import static com.socketworkbench.ui.tls.TlsTexts.TEXT;

/**
 * A TCP server's TLS: the {@code #tls} switch (beside Start) and the panel it opens ({@code #tlsSettings}): the
 * certificate's source ({@code #tlsCertSource}); for a generated one {@code #tlsGenerate} and {@code #tlsExportCert};
 * for files {@code #tlsCertFile}, {@code #tlsKeyFile}, {@code #tlsPassword}; the certificate served, generated or
 * read from the files: subject, names, validity and fingerprint ({@code #tlsCertInfo}, shown while the server runs
 * too); client certificates ({@code #tlsClientAuth}, {@code #tlsClientCaFile}), ALPN ({@code #tlsAlpn}), versions
 * ({@code #tlsMinVersion}, {@code #tlsMaxVersion}) and the handshake timeout ({@code #tlsHandshakeTimeout}).
 */
public final class TlsServerPanel {
    private final CheckBox toggle;
    private final TlsServerForm form;
    private final ObservableBooleanValue locked;
    private final Subscriptions subscriptions;
    private VBox panel;
    private TlsFileChooser chooser = TlsFileChooser.system();

    /** @param locked true while the settings cannot change (a listener exists) */
    public TlsServerPanel(TlsServerForm form, ObservableBooleanValue locked, Subscriptions subscriptions) {
        toggle = new CheckBox(TEXT.get("toggle"));
        toggle.setId("tls");
        toggle.getStyleClass().add("tls-toggle");
        Tips.install(toggle, TEXT.get("toggle.server.tooltip"));
        subscriptions.bindBidirectional(toggle.selectedProperty(), form.enabledProperty());
        subscriptions.bind(toggle.disableProperty(), locked);
        this.form = form;
        this.locked = locked;
        this.subscriptions = subscriptions;
    }

    /** The settings panel's nodes: made when the panel is first shown (most servers never turn TLS on). */
    private VBox buildPanel() {
        VBox[] self = new VBox[1];
        TlsFields fields = new TlsFields(subscriptions, () -> chooser);
        ComboBox<CertSource> source = new ComboBox<>(FXCollections.observableArrayList(CertSource.values()));
        source.setId("tlsCertSource");
        Tips.install(source, TEXT.get("source.tooltip"));
        subscriptions.bindBidirectional(source.valueProperty(), form.sourceProperty());
        fields.message("tlsCertSourceMessage", source, form.certificateVerdictProperty());

        Button generate = new Button(TEXT.get("generate"));
        generate.setId("tlsGenerate");
        generate.setMinWidth(Region.USE_PREF_SIZE);
        Tips.install(generate, TEXT.get("generate.tooltip"));
        generate.setOnAction(event -> form.generate());
        subscriptions.subscribe(form.generatingProperty(), busy ->
                generate.setText(TEXT.get(busy ? "generating" : "generate")));
        Button export = new Button(TEXT.get("export"));
        export.setId("tlsExportCert");
        export.setMinWidth(Region.USE_PREF_SIZE);
        Tips.install(export, TEXT.get("export.tooltip"));
        export.setOnAction(event -> chooser.save(TlsFields.windowOf(self[0]), "socket-workbench-cert.pem")
                .ifPresent(form::exportCertificate));
        Label exportMessage = new Label();
        exportMessage.setId("tlsExportMessage");
        subscriptions.bind(exportMessage.textProperty(), form.messageProperty());
        subscriptions.subscribe(form.messageIsErrorProperty(), error -> {
            exportMessage.getStyleClass().removeAll("field-error", "muted-label");
            exportMessage.getStyleClass().add(error ? "field-error" : "muted-label");
        });
        Label info = new Label();
        info.setId("tlsCertInfo");
        info.getStyleClass().add("tls-cert-info");
        info.setWrapText(true);
        // The certificate a client will see, generated or read from the files: users compare its fingerprint with
        // what a client shows, so it stays while the server runs.
        var served = Bindings.createObjectBinding(() -> form.sourceProperty().get() == CertSource.GENERATED
                        ? form.generatedSummary() : form.fileSummaryProperty().get(), form.sourceProperty(),
                form.generatedProperty(), form.fileSummaryProperty());
        subscriptions.subscribe(served, cert -> info.setText(cert == null ? "" : TlsEventText.oneLine(cert) + "\n"
                + TEXT.get("generated.fingerprint", cert.sha256Fingerprint())));
        subscriptions.bind(export.disableProperty(), form.generatedProperty().isNull());
        HBox generatedControls = new HBox(8, generate, export, exportMessage);
        generatedControls.setAlignment(Pos.CENTER_LEFT);

        ClientCertificateInput files = form.files();
        HBox certFile = fields.file("tlsCertFile", files.certificate(), form.certificateFileVerdictProperty(), 16,
                "", TEXT.get("cert.file.tooltip"));
        subscriptions.subscribe(form.sourceProperty(), now -> ((javafx.scene.control.TextField) certFile
                .getChildren().getFirst()).setPromptText(TEXT.get(now == CertSource.PKCS12
                ? "cert.file.prompt.PKCS12" : "cert.file.prompt.PEM")));
        HBox keyFile = fields.file("tlsKeyFile", files.key(), form.keyFileVerdictProperty(), 16,
                TEXT.get("key.file.prompt"), TEXT.get("client.key.tooltip"));
        Node keyField = TlsFields.labelled(TEXT.get("key.file"), keyFile);
        PasswordField password = new PasswordField();
        password.setId("tlsPassword");
        password.setPrefColumnCount(8);
        password.setPromptText(TEXT.get("password.prompt"));
        Tips.install(password, TEXT.get("password.tooltip"));
        subscriptions.bindBidirectional(password.textProperty(), files.passwordProperty());
        fields.message("tlsPasswordMessage", password, form.passwordVerdictProperty());
        HBox fileControls = new HBox(12, TlsFields.labelled(TEXT.get("cert.file"), certFile), keyField,
                TlsFields.labelled(TEXT.get("password"), password));
        fileControls.setAlignment(Pos.CENTER_LEFT);

        var generatedChosen = form.sourceProperty().isEqualTo(CertSource.GENERATED);
        showWhen(generatedControls, generatedChosen, subscriptions);
        showWhen(info, served.isNotNull(), subscriptions);
        showWhen(fileControls, generatedChosen.not(), subscriptions);
        showWhen(keyField, form.sourceProperty().isEqualTo(CertSource.PEM), subscriptions);

        ComboBox<ClientAuth> clientAuth = new ComboBox<>(FXCollections.observableArrayList(ClientAuth.values()));
        clientAuth.setId("tlsClientAuth");
        Tips.install(clientAuth, TEXT.get("client.auth.tooltip"));
        clientAuth.setConverter(new StringConverter<>() {
            @Override
            public String toString(ClientAuth auth) {
                return auth == null ? "" : TEXT.get("client.auth." + auth.name());
            }

            @Override
            public ClientAuth fromString(String text) {
                return null;
            }
        });
        subscriptions.bindBidirectional(clientAuth.valueProperty(), form.clientAuthProperty());
        HBox clientCa = fields.file("tlsClientCaFile", form.clientCaFile(), form.clientCaVerdictProperty(),
                14, TEXT.get("client.ca.prompt"), TEXT.get("client.ca.tooltip"));
        Node clientCaField = TlsFields.labelled(TEXT.get("client.ca"), clientCa);
        showWhen(clientCaField, form.clientAuthProperty().isNotEqualTo(ClientAuth.NONE), subscriptions);
        var alpn = fields.text("tlsAlpn", form.alpn(), 10, TEXT.get("alpn.prompt"), TEXT.get("alpn.tooltip"));
        var timeout = fields.text("tlsHandshakeTimeout", form.handshakeTimeout(), 3, "",
                TEXT.get("handshake.timeout.tooltip", HandshakeTimeoutInput.MIN, HandshakeTimeoutInput.MAX));
        Label seconds = new Label(TEXT.get("handshake.timeout.unit"));
        seconds.getStyleClass().add("field-caption");
        HBox timeoutBox = new HBox(4, timeout, seconds);
        timeoutBox.setAlignment(Pos.CENTER_LEFT);

        Node otherSettings = TlsFields.row(TlsFields.labelled(TEXT.get("client.auth"), clientAuth), clientCaField,
                TlsFields.labelled(TEXT.get("alpn"), alpn), fields.versions(form.versions()),
                TlsFields.labelled(TEXT.get("handshake.timeout"), timeoutBox));
        VBox panel = fields.panel(
                TlsFields.row(TlsFields.labelled(TEXT.get("source"), source), generatedControls, fileControls),
                info, otherSettings);
        self[0] = panel;
        // While the server runs its settings cannot change: only the certificate row stays (Export is what a client
        // needs then), so the clients table and the timeline get the room back in a small window.
        showWhen(otherSettings, BooleanExpression.booleanExpression(locked).not(), subscriptions);
        // Export stays usable while the server runs: that is when a client needs the certificate.
        for (Node node : new Node[]{source, fileControls, otherSettings}) {
            subscriptions.bind(node.disableProperty(), locked);
        }
        subscriptions.bind(generate.disableProperty(), Bindings.createBooleanBinding(
                () -> locked.get() || form.generatingProperty().get(), locked, form.generatingProperty()));
        return panel;
    }

    private static void showWhen(Node node, ObservableBooleanValue condition, Subscriptions subscriptions) {
        subscriptions.bind(node.visibleProperty(), BooleanExpression.booleanExpression(condition));
        subscriptions.bind(node.managedProperty(), node.visibleProperty());
    }

    /** The switch, for the settings bar beside Start. */
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
