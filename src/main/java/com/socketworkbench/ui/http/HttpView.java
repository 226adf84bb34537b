package com.socketworkbench.ui.http;

import com.socketworkbench.engine.codec.SupportedCharsets;
import com.socketworkbench.engine.http.RequestTemplate;
import com.socketworkbench.ui.input.FieldMessage;
import com.socketworkbench.ui.input.HostField;
import com.socketworkbench.ui.input.PortField;
import com.socketworkbench.ui.traffic.SendEditor;
import com.socketworkbench.ui.input.Spinners;
import com.socketworkbench.ui.fx.Subscriptions;
import com.socketworkbench.ui.tab.TabLayout;
import com.socketworkbench.ui.tab.TabNotifier;
import com.socketworkbench.ui.tab.TabView;
import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Spinner;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextFormatter;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.nio.charset.Charset;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The HTTP tab's layout (root id {@code http}), like a repeater: the target and templates on top, the raw request
 * editor with its coloured anatomy, header helper, options and Send on the left, the response on the right with the
 * timing and the history below it. Binds to the {@link HttpViewModel} only.
 */
public final class HttpView implements TabView {
    private final HttpViewModel model;
    private final Subscriptions subscriptions;
    private final HostField host;
    private final PortField port;
    private final TextArea request = new TextArea();
    private final RequestAnatomyView anatomy = new RequestAnatomyView();
    private final ResponseView response;
    private final TimingView timing = new TimingView();
    private final Label deadlineMessage = new Label();
    private final TabNotifier notifier;
    private final BorderPane root;

    public HttpView(HttpViewModel model, Subscriptions subscriptions) {
        this.model = model;
        this.subscriptions = subscriptions;
        host = new HostField("host", model.host(), subscriptions);
        port = new PortField("port", model.port(), subscriptions);
        port.field().setTooltip(new Tooltip("The server's port, 1–65535 (80 for http, 443 for https by default)"));
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
        scheme.setTooltip(new Tooltip("https wraps the connection in TLS; the port follows the scheme's default"));
        subscriptions.bindBidirectional(scheme.valueProperty(), model.schemeProperty());

        MenuButton template = new MenuButton("Template");
        template.setId("template");
        template.setTooltip(new Tooltip("Replace the editor text with a ready request for this target"));
        for (RequestTemplate each : RequestTemplate.values()) {
            MenuItem item = new MenuItem(each.toString());
            item.setId("template-" + each.name());
            item.setOnAction(event -> model.applyTemplate(each));
            template.getItems().add(item);
        }

        Label origin = new Label();
        origin.setId("origin");
        origin.getStyleClass().add("origin-badge");
        subscriptions.bind(origin.textProperty(), Bindings.createStringBinding(
                () -> model.target().map(t -> t.origin()).orElse("no valid target"),
                model.schemeProperty(), model.host().textProperty(), model.port().textProperty()));

        FlowPane bar = TabLayout.settingsBar(
                SendEditor.labelled("Scheme", scheme),
                SendEditor.labelled("Host", host.field()),
                SendEditor.labelled("Port", port.field()),
                template, origin);
        for (Node node : List.of(scheme, host.field(), port.field(), template)) {
            subscriptions.bind(node.disableProperty(), model.busyProperty());
        }

        return new VBox(bar, TabLayout.messageRow("settings-messages", subscriptions, host.messageLabel(),
                port.messageLabel()));
    }

    private Node composer() {
        Label title = new Label("Request");
        title.getStyleClass().add("section-title");
        Label note = new Label("raw by design: sent exactly as typed");
        note.setId("rawByDesign");
        note.getStyleClass().add("muted-label");
        note.setTooltip(new Tooltip("Nothing is added or corrected behind your back. Only the options below change"
                + " the bytes:\nNormalise CRLF turns the head's line endings into CRLF, Fix Content-Length sets it"
                + " to the body's size.\nThe anatomy underneath shows exactly what will go on the wire."));
        HBox header = new HBox(8, title, note);
        header.setAlignment(Pos.BASELINE_LEFT);
        header.getStyleClass().add("section-header");

        request.setId("request");
        request.getStyleClass().addAll("mono", "request-editor");
        request.setWrapText(false);
        request.setPromptText("GET / HTTP/1.1\nHost: example.org\n\n(Ctrl+Enter sends)");
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
                options(), sendRow());
        VBox.setVgrow(editorSplit, Priority.ALWAYS);
        box.getStyleClass().add("composer");
        box.setMinWidth(360);
        return box;
    }

    private Node headerHelper() {
        TextField name = new TextField();
        name.setId("headerName");
        name.setPromptText("Name");
        name.setPrefColumnCount(10);
        TextField value = new TextField();
        value.setId("headerValue");
        value.setPromptText("Value");
        HBox.setHgrow(value, Priority.ALWAYS);
        Button add = new Button("Add header");
        add.setId("addHeader");
        add.getStyleClass().add("small-button");
        add.setMinWidth(Region.USE_PREF_SIZE);
        add.setTooltip(new Tooltip("Adds \"Name: value\" as the last header line; line breaks and NUL are refused"));
        for (TextField field : List.of(name, value)) {
            field.setTextFormatter(new TextFormatter<String>(change -> {
                change.setText(HeaderEscapes.escapeControls(change.getText()));
                return change;
            }));
            field.setTooltip(new Tooltip("Escapes: \\r \\n \\t \\0 \\\\ \\xNN. Pasted line breaks show as"
                    + " \\r\\n and are refused: they would split the head"));
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

        Label caption = new Label("Header");
        caption.getStyleClass().add("field-caption");
        caption.setMinWidth(Region.USE_PREF_SIZE);
        HBox row = new HBox(6, caption, name, new Label(":"), value, add);
        row.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(4, row, message);
        box.getStyleClass().add("header-helper");
        return box;
    }

    private Node options() {
        CheckBox fix = new CheckBox("Fix Content-Length");
        fix.setId("fixContentLength");
        fix.setTooltip(new Tooltip("Set Content-Length to the body's byte count (not with Transfer-Encoding)"));
        subscriptions.bindBidirectional(fix.selectedProperty(), model.fixContentLengthProperty());
        CheckBox crlf = new CheckBox("Normalise CRLF");
        crlf.setId("normalizeCrlf");
        crlf.setTooltip(new Tooltip("Send the head's line endings as CRLF; the body is always sent as typed"));
        subscriptions.bindBidirectional(crlf.selectedProperty(), model.normalizeCrlfProperty());
        CheckBox keepAlive = new CheckBox("Keep connection open");
        keepAlive.setId("keepAlive");
        keepAlive.setTooltip(new Tooltip("Reuse the connection for the next request to the same target"));
        subscriptions.bindBidirectional(keepAlive.selectedProperty(), model.keepAliveProperty());

        Spinner<Integer> timeout = Spinners.integer("readTimeout", 1, 3600, 1, model.readTimeoutSecondsProperty(),
                80, "The longest wait for the next bytes from the server, for each read (the deadline bounds the whole"
                        + " exchange)", subscriptions);
        Spinner<Integer> maxSize = Spinners.integer("maxResponse", 1, 4096, 1, model.maxResponseMiBProperty(), 80,
                "Reading stops after this many MiB (the rest is reported as a verdict)", subscriptions);

        ComboBox<Charset> charset = new ComboBox<>(FXCollections.observableArrayList(SupportedCharsets.all()));
        charset.setId("requestCharset");
        charset.setTooltip(new Tooltip("How the typed request becomes bytes"));
        subscriptions.bindBidirectional(charset.valueProperty(), model.requestCharsetProperty());

        CheckBox insecure = new CheckBox("Insecure TLS");
        insecure.setId("insecure");
        insecure.getStyleClass().add("insecure-toggle");
        insecure.setTooltip(new Tooltip("Accept ANY certificate: no chain or host name check. For test servers only."
                + "\nNever saved: every session starts with checks on."));
        subscriptions.bindBidirectional(insecure.selectedProperty(), model.insecureTlsProperty());
        subscriptions.subscribe(insecure.selectedProperty(), on -> {
            insecure.getStyleClass().remove("insecure-on");
            insecure.setText(on ? "Insecure TLS: certificates NOT checked" : "Insecure TLS");
            if (on) {
                insecure.getStyleClass().add("insecure-on");
            }
        });

        HistoryBudgetFields budgets = new HistoryBudgetFields(model.historyBudgets(), subscriptions);
        FlowPane options = new FlowPane(14, 6, fix, crlf, keepAlive,
                SendEditor.labelled("Read timeout (s)", timeout), deadline(),
                SendEditor.labelled("Max response (MiB)", maxSize),
                SendEditor.labelled("Charset", charset), insecure, budgets.memoryField(), budgets.tempField());
        options.getStyleClass().add("request-options");
        options.setAlignment(Pos.CENTER_LEFT);
        return new VBox(4, options, deadlineMessage, budgets.messages());
    }

    /** The overall deadline: a switch and its seconds; a bad value is named under the options (deadlineMessage). */
    private Node deadline() {
        DeadlineInput input = model.deadline();
        CheckBox on = new CheckBox("Deadline (s)");
        on.setId("deadlineOn");
        on.setTooltip(new Tooltip("Stop an exchange that takes longer than this as a whole, from connecting to the"
                + " last response byte.\nThe read timeout only bounds each read: a server that sends a byte now and"
                + " then never hits it."));
        subscriptions.bindBidirectional(on.selectedProperty(), input.onProperty());
        TextField seconds = new TextField();
        seconds.setId("deadline");
        seconds.setPrefColumnCount(5);
        seconds.setTooltip(new Tooltip("Whole seconds, 1–" + DeadlineInput.MAX_SECONDS + " (on by default: "
                + DeadlineInput.DEFAULT_SECONDS + " s)"));
        subscriptions.bindBidirectional(seconds.textProperty(), input.textProperty());
        subscriptions.bind(seconds.disableProperty(), Bindings.not(input.onProperty()));
        deadlineMessage.setId("deadlineMessage");
        FieldMessage.show(seconds, deadlineMessage, input.verdictProperty(), subscriptions);
        HBox box = new HBox(6, on, seconds);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
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

        Button send = new Button("Send");
        send.setId("send");
        send.getStyleClass().addAll("accent", "send-button");
        send.setTooltip(new Tooltip("Send the request (Ctrl+Enter in the editor)"));
        send.setOnAction(event -> model.send());
        subscriptions.bind(send.disableProperty(), Bindings.not(model.canSendProperty()));

        Button cancel = new Button("Cancel");
        cancel.setId("cancel");
        cancel.getStyleClass().add("danger");
        cancel.setTooltip(new Tooltip("Stop the request in flight (what arrived so far is kept)"));
        cancel.setOnAction(event -> model.cancel());
        subscriptions.bind(cancel.visibleProperty(), model.busyProperty());
        subscriptions.bind(cancel.managedProperty(), model.busyProperty());

        Label progress = new Label();
        progress.setId("progress");
        progress.getStyleClass().add("progress-label");
        subscriptions.bind(progress.textProperty(), model.progressProperty());

        HBox row = new HBox(10, send, cancel, progress);
        row.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(6, warnings, row);
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
