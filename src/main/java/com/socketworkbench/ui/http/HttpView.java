package com.socketworkbench.ui.http;

import com.socketworkbench.engine.http.RequestTemplate;
import com.socketworkbench.engine.text.Texts;
import com.socketworkbench.ui.fx.Tips;
import com.socketworkbench.ui.input.HostField;
import com.socketworkbench.ui.input.PortField;
import com.socketworkbench.ui.traffic.SendEditor;
import com.socketworkbench.ui.fx.Subscriptions;
import com.socketworkbench.ui.tab.TabLayout;
import com.socketworkbench.ui.tab.TabNotifier;
import com.socketworkbench.ui.tab.TabView;
import com.socketworkbench.ui.tls.CaFileInput;
import com.socketworkbench.ui.tls.TlsFileChooser;
import com.socketworkbench.ui.tls.TlsFileField;
import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextFormatter;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The HTTP tab's layout (root id {@code http}), like a repeater: the target and templates on top, the raw request
 * editor with its coloured anatomy, header helper, options and Send on the left, the response on the right with the
 * timing and the history below it. Binds to the {@link HttpViewModel} only.
 */
public final class HttpView implements TabView {
    private static final Texts TEXT = Texts.bundle("com.socketworkbench.ui.http.http");
    private final HttpViewModel model;
    private final Subscriptions subscriptions;
    private final HostField host;
    private final PortField port;
    private final TextArea request = new TextArea();
    private final RequestAnatomyView anatomy = new RequestAnatomyView();
    private final ResponseView response;
    private final TimingView timing = new TimingView();
    private Label caFileMessage;
    private TlsFileChooser caFileChooser = TlsFileChooser.system();
    private final TabNotifier notifier;
    private final BorderPane root;

    public HttpView(HttpViewModel model, Subscriptions subscriptions) {
        this.model = model;
        this.subscriptions = subscriptions;
        host = new HostField("host", model.host(), subscriptions);
        port = new PortField("port", model.port(), subscriptions);
        Tips.install(port.field(), TEXT.get("target.port.tooltip"));
        response = new ResponseView(model, subscriptions);

        // Notifications slide over the response side only: the target, the editor and Send stay reachable.
        notifier = new TabNotifier(responseSide());
        SplitPane main = new SplitPane(composer(), notifier.pane());
        main.setDividerPositions(0.42);
        main.getStyleClass().add("main-split");

        root = TabLayout.root("http", HttpView.class, "http.css", targetBar(), main, null);
        model.setOnFailure(notifier::showError);
    }

    private Node targetBar() {
        ComboBox<String> scheme = new ComboBox<>(FXCollections.observableArrayList("http", "https"));
        scheme.setId("scheme");
        Tips.install(scheme, TEXT.get("target.scheme.tooltip"));
        subscriptions.bindBidirectional(scheme.valueProperty(), model.schemeProperty());

        MenuButton template = new MenuButton(TEXT.get("target.template"));
        template.setId("template");
        Tips.install(template, TEXT.get("target.template.tooltip"));
        for (RequestTemplate each : RequestTemplate.values()) {
            MenuItem item = new MenuItem(switch (each) {
                case POST_FORM -> TEXT.get("template.postForm");
                case POST_JSON -> TEXT.get("template.postJson");
                case WEBSOCKET -> TEXT.get("template.websocket");
                default -> each.method();
            });

            item.setId("template-" + each.name());
            item.setOnAction(event -> model.applyTemplate(each));
            template.getItems().add(item);
        }

        Label origin = new Label();
        origin.setId("origin");
        origin.getStyleClass().add("origin-badge");
        subscriptions.bind(origin.textProperty(), Bindings.createStringBinding(
                () -> model.target().map(t -> t.origin()).orElse(TEXT.get("target.none")),
                model.schemeProperty(), model.host().textProperty(), model.port().textProperty()));

        TextField urlBar = urlBar();
        Button curl = new Button(TEXT.get("curl.button"));
        curl.setId("curlImport");
        curl.getStyleClass().add("small-button");
        Tips.install(curl, TEXT.get("curl.button.tooltip"));
        CurlImportPane curlImport = new CurlImportPane(model, subscriptions);
        curl.setOnAction(event -> curlImport.toggle());

        FlowPane bar = TabLayout.settingsBar(
                SendEditor.labelled(TEXT.get("url"), urlBar), curl,
                SendEditor.labelled(TEXT.get("target.scheme"), scheme),
                SendEditor.labelled(TEXT.get("target.host"), host.field()),
                SendEditor.labelled(TEXT.get("target.port"), port.field()),
                template, caFile(), origin);
        for (Node node : List.of(urlBar, curl, scheme, host.field(), port.field(), template)) {
            subscriptions.bind(node.disableProperty(), model.busyProperty());
        }

        Label urlMessage = TabLayout.errorLabel("urlBarMessage", model.urlMessageProperty(), subscriptions);
        return new VBox(bar, TabLayout.messageRow("settings-messages", subscriptions, urlMessage,
                host.messageLabel(), port.messageLabel(), caFileMessage), curlImport.node());
    }

    /**
     * The URL bar ({@code urlBar}): Enter, leaving the field or pasting a whole URL fills scheme, host, port, the
     * request line's path and Host. What is typed key by key is only read on Enter or on leaving, so a half-typed
     * URL neither moves the target nor shows an error.
     */
    private TextField urlBar() {
        TextField field = new TextField();
        field.setId("urlBar");
        field.setPrefColumnCount(22);
        field.setPromptText(TEXT.get("url.prompt"));
        Tips.install(field, TEXT.get("url.tooltip"));
        // The text last applied: leaving the field applies only what changed since, so a later edit of the
        // request line is not overwritten by clicking elsewhere.
        String[] applied = {""};
        Runnable apply = () -> {
            applied[0] = field.getText();
            if (!field.getText().isBlank()) {
                model.applyUrl(field.getText()).ifPresent(text -> {
                    applied[0] = text;
                    field.setText(text);
                });
            }
        };
        field.setOnAction(event -> apply.run());
        subscriptions.listen(field.focusedProperty(), (obs, was, now) -> {
            if (!now && !field.getText().equals(applied[0])) {
                apply.run();
            }
        });

        subscriptions.listen(field.textProperty(), (obs, old, now) -> {
            model.clearUrlMessage();
            // A paste brings the whole URL at once; a key adds one character.
            if (now != null && old != null && now.length() - old.length() > 1 && now.contains("://")) {
                apply.run();
            }
        });
        return field;
    }

    private Node composer() {
        Label title = new Label(TEXT.get("request.title"));
        title.getStyleClass().add("section-title");
        Label note = new Label(TEXT.get("request.raw"));
        note.setId("rawByDesign");
        note.getStyleClass().add("muted-label");
        Tips.install(note, TEXT.get("request.raw.tooltip"));
        HBox header = new HBox(8, title, note);
        header.setAlignment(Pos.BASELINE_LEFT);
        header.getStyleClass().add("section-header");

        request.setId("request");
        request.getStyleClass().addAll("mono", "request-editor");
        request.setWrapText(false);
        request.setPromptText(TEXT.get("request.prompt"));
        subscriptions.bindBidirectional(request.textProperty(), model.requestTextProperty());
        request.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() == KeyCode.ENTER && event.isShortcutDown()) {
                model.send();
                event.consume();
            }
        });

        Label summary = new Label();
        summary.setId("anatomySummary");
        summary.getStyleClass().add("anatomy-summary");
        // A narrow composer wraps the summary onto a second line; its byte count must not be cut.
        summary.setWrapText(true);
        summary.setMinWidth(0);
        summary.setMinHeight(Region.USE_PREF_SIZE);
        subscriptions.subscribe(model.previewProperty(), preview -> {
            summary.setText(preview.summary());
            anatomy.show(preview, model.normalizeCrlfProperty().get());
        });
        VBox anatomyBox = new VBox(summary, anatomy.view());
        anatomyBox.getStyleClass().add("anatomy-box");
        VBox.setVgrow(anatomy.view(), Priority.ALWAYS);

        SplitPane editorSplit = new SplitPane(request, anatomyBox);
        editorSplit.setOrientation(Orientation.VERTICAL);
        editorSplit.setDividerPositions(0.5);

        VBox box = new VBox(header, editorSplit, new BodyFilePicker(model, subscriptions).view(), headerHelper(),
                new RequestOptionsBar(model, subscriptions).node(), sendRow());
        VBox.setVgrow(editorSplit, Priority.ALWAYS);
        box.getStyleClass().add("composer");
        box.setMinWidth(360);
        return box;
    }

    private Node headerHelper() {
        TextField name = new TextField();
        name.setId("headerName");
        name.setPromptText(TEXT.get("header.name"));
        name.setPrefColumnCount(10);
        TextField value = new TextField();
        value.setId("headerValue");
        value.setPromptText(TEXT.get("header.value"));
        HBox.setHgrow(value, Priority.ALWAYS);
        Button add = new Button(TEXT.get("header.add"));
        add.setId("addHeader");
        add.getStyleClass().add("small-button");
        add.setMinWidth(Region.USE_PREF_SIZE);
        Tips.install(add, TEXT.get("header.add.tooltip"));
        for (TextField field : List.of(name, value)) {
            field.setTextFormatter(new TextFormatter<String>(change -> {
                change.setText(HeaderEscapes.escapeControls(change.getText()));
                return change;
            }));
            Tips.install(field, TEXT.get("header.escapes.tooltip"));
        }
        Runnable addIt = () -> {
            if (model.addHeader(name.getText(), value.getText())) {
                name.clear();
                value.clear();
            }
        };
        add.setOnAction(event -> addIt.run());
        value.setOnAction(event -> addIt.run());
        name.textProperty().addListener((obs, old, now) -> model.clearHeaderMessage());
        value.textProperty().addListener((obs, old, now) -> model.clearHeaderMessage());

        Label message = TabLayout.errorLabel("headerMessage", model.headerMessageProperty(), subscriptions);

        Label caption = new Label(TEXT.get("header.caption"));
        caption.getStyleClass().add("field-caption");
        caption.setMinWidth(Region.USE_PREF_SIZE);
        HBox row = new HBox(6, caption, name, new Label(":"), value, add);
        row.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(4, row, message);
        box.getStyleClass().add("header-helper");
        return box;
    }

    /**
     * The extra CA file ({@code caFile}) and its "…" button ({@code caFileChoose}); what is wrong with the file is
     * named at the field ({@code caFileMessage}). Greyed while insecure TLS is on: nothing is checked then. It sits in
     * the target bar, by the server it vouches for (before the origin badge, whose text changes width as the target
     * is typed): the options under the editor already take seven rows in a
     * 1024x640 window, and one more pushed Send out of it.
     */
    private Node caFile() {
        CaFileInput input = model.caFile();
        TlsFileField file = new TlsFileField("caFile", input.fileInput(), input.verdictProperty(), 14,
                TEXT.get("option.caFile.prompt"), TEXT.get("option.caFile.tooltip"), () -> caFileChooser,
                subscriptions);
        caFileMessage = file.message();
        HBox labelled = SendEditor.labelled(TEXT.get("option.caFile"), file.node());
        subscriptions.bind(labelled.disableProperty(), model.insecureTlsProperty().or(model.busyProperty()));
        return labelled;
    }

    /** Tests answer the CA file's dialog themselves. */
    public void setCaFileChooser(TlsFileChooser chooser) {
        this.caFileChooser = chooser;
    }

    private Node sendRow() {
        Label warnings = new Label();
        warnings.setId("requestWarnings");
        warnings.getStyleClass().add("request-warnings");
        warnings.setWrapText(true);
        warnings.setMinHeight(Region.USE_PREF_SIZE);
        subscriptions.subscribe(model.previewProperty(), preview -> {
            warnings.setText(preview.warnings().stream().map(w -> "⚠ " + w).collect(Collectors.joining("\n")));
            warnings.setVisible(!preview.warnings().isEmpty());
            warnings.setManaged(!preview.warnings().isEmpty());
        });

        Button fixHost = new Button();
        fixHost.setId("fixHost");
        fixHost.getStyleClass().add("small-button");
        Tips.install(fixHost, TEXT.get("host.fix.tooltip"));
        fixHost.setOnAction(event -> model.fixHost());
        subscriptions.subscribe(model.hostFixProperty(), value -> {
            fixHost.setText(value.isEmpty() ? "" : TEXT.get("host.fix", value));
            fixHost.setVisible(!value.isEmpty());
            fixHost.setManaged(!value.isEmpty());
        });
        subscriptions.bind(fixHost.disableProperty(), model.busyProperty());

        Button send = new Button(TEXT.get("send"));
        send.setId("send");
        send.getStyleClass().addAll("accent", "send-button");
        Tips.install(send, TEXT.get("send.tooltip"));
        send.setOnAction(event -> model.send());
        subscriptions.bind(send.disableProperty(), Bindings.not(model.canSendProperty()));

        Button cancel = new Button(TEXT.get("cancel"));
        cancel.setId("cancel");
        cancel.getStyleClass().add("danger");
        Tips.install(cancel, TEXT.get("cancel.tooltip"));
        cancel.setOnAction(event -> model.cancel());
        subscriptions.bind(cancel.visibleProperty(), model.busyProperty());
        subscriptions.bind(cancel.managedProperty(), model.busyProperty());

        Label progress = new Label();
        progress.setId("progress");
        progress.getStyleClass().add("progress-label");
        subscriptions.bind(progress.textProperty(), model.progressProperty());

        HBox row = new HBox(10, send, cancel, progress);
        row.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(6, warnings, fixHost, row);
        box.getStyleClass().add("send-area");
        return box;
    }

    private Node responseSide() {
        Node historyBox = new HistoryPane(model, subscriptions).view();
        HBox.setHgrow(historyBox, Priority.ALWAYS);
        subscriptions.subscribe(model.shownProperty(), entry -> timing.show(entry == null ? null : entry.exchange()));

        HBox bottom = new HBox(timing.view(), historyBox);
        bottom.getStyleClass().add("response-bottom");

        SplitPane split = new SplitPane(response.view(), bottom);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.72);
        return split;
    }

    @Override
    public BorderPane view() {
        return root;
    }

    public TabNotifier notifier() {
        return notifier;
    }

    @Override
    public void dispose() {
        notifier.dispose();
    }
}
