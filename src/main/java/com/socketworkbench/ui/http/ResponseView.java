package com.socketworkbench.ui.http;

import com.socketworkbench.engine.http.Header;
import com.socketworkbench.engine.http.HttpExchange;
import com.socketworkbench.engine.http.ParsedResponse;
import com.socketworkbench.engine.http.Verdict;
import com.socketworkbench.ui.traffic.Formats;
import com.socketworkbench.ui.fx.Subscriptions;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The response side of the HTTP tab: the status line coloured by class ({@code responseStatus}, {@code statusClass}),
 * what went wrong ({@code exchangeFailure}), that the history dropped its bytes ({@code bytesDropped}), the verdicts ({@code verdicts}; a click jumps the raw hex view to the
 * byte), and tabs for the body ({@code responseBody} text or {@code bodyHex}), the headers ({@code responseHeaders}),
 * the raw bytes ({@code responseRaw} hex, {@code responseRawText}) and TLS ({@code tlsInfo}).
 *
 * <p>Large data never goes whole into a control: text views show a capped prefix, hex views are virtualised. The
 * text views show what the model decoded ({@link RenderedResponse}); this class decodes nothing itself.
 */
final class ResponseView {
    private final Label status = new Label();
    private final Label statusClass = new Label();
    private final Label summary = new Label();
    private final Button followRedirect = new Button("Follow redirect →");
    private final Label failure = new Label();
    private final Label dropped = new Label();
    private final VerdictList verdicts = new VerdictList(this::jumpTo);

    private final TabPane tabs = new TabPane();
    private final Tab bodyTab = new Tab("Body");
    private final Tab headersTab = new Tab("Headers");
    private final Tab rawTab = new Tab("Raw");
    private final Tab tlsTab = new Tab("TLS");

    private final Label bodyInfo = new Label();
    private final ComboBox<CharsetChoice> bodyCharset = new ComboBox<>(FXCollections.observableArrayList(
            CharsetChoice.all()));
    private final CheckBox pretty = new CheckBox("Pretty JSON");
    private final ToggleButton hexToggle = new ToggleButton("Hex");
    private final Label bodyNote = new Label();
    private final TextArea bodyText = new TextArea();
    private final HexPane bodyHex = new HexPane("bodyHex", "body", "The decoded body, byte by byte");

    private final TableView<Header> headers = new TableView<>();
    private final HexPane rawHex = new HexPane("responseRaw", "raw",
            "The raw response bytes appear here exactly as received");
    private final Label rawNote = new Label();
    private final TextArea rawText = new TextArea();
    private final TextArea tlsText = new TextArea();

    private final VBox root;
    /** The exchange on display, whose raw bytes a verdict click jumps into. */
    private HttpExchange exchange;

    ResponseView(HttpViewModel model, Subscriptions subscriptions) {
        status.setId("responseStatus");
        status.getStyleClass().add("response-status");
        statusClass.setId("statusClass");
        statusClass.getStyleClass().add("status-class");
        summary.setId("responseSummary");
        summary.getStyleClass().add("muted-label");
        followRedirect.setId("followRedirect");
        followRedirect.getStyleClass().add("small-button");
        followRedirect.setOnAction(event -> model.followRedirect());
        failure.setId("exchangeFailure");
        failure.getStyleClass().add("exchange-failure");
        failure.setWrapText(true);
        failure.setMinHeight(Region.USE_PREF_SIZE);
        dropped.setId("bytesDropped");
        dropped.getStyleClass().add("bytes-dropped-note");
        dropped.setWrapText(true);
        dropped.setMinHeight(Region.USE_PREF_SIZE);

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox statusRow = new HBox(10, status, statusClass, verdicts.summary(), spacer, summary, followRedirect);
        statusRow.setAlignment(Pos.CENTER_LEFT);
        statusRow.getStyleClass().add("status-row");
        status.setMinWidth(Region.USE_PREF_SIZE);
        statusClass.setMinWidth(Region.USE_PREF_SIZE);

        tabs.setId("responseTabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.getStyleClass().add("response-tabs");
        bodyTab.setId("bodyTab");
        headersTab.setId("headersTab");
        rawTab.setId("rawTab");
        tlsTab.setId("tlsTab");
        bodyTab.setContent(bodyPane(model, subscriptions));
        headersTab.setContent(headersPane());
        rawTab.setContent(rawPane());
        tlsTab.setContent(tlsPane());
        tabs.getTabs().addAll(bodyTab, headersTab, rawTab, tlsTab);

        root = new VBox(statusRow, failure, dropped, verdicts.list(), tabs);
        root.getStyleClass().add("response-pane");
        VBox.setVgrow(tabs, Priority.ALWAYS);

        subscriptions.subscribe(model.shownProperty(), entry -> {
            show(entry == null ? null : entry.exchange());
            showDropped(entry == null ? Optional.empty() : entry.dropped());
        });
        subscriptions.subscribe(model.followUpProperty(), next -> {
            followRedirect.setVisible(next.isPresent());
            followRedirect.setManaged(next.isPresent());
            followRedirect.setTooltip(next.map(f -> new Tooltip("Put " + f.method() + " " + f.target().origin()
                    + " into the editor; review it, then Send (redirects are never followed on their own)"))
                    .orElse(null));
        });
    }

    private Node bodyPane(HttpViewModel model, Subscriptions subscriptions) {
        bodyInfo.setId("bodyInfo");
        bodyInfo.getStyleClass().add("body-info");
        bodyCharset.setId("bodyCharset");
        subscriptions.bindBidirectional(bodyCharset.valueProperty(), model.bodyCharsetProperty());
        bodyCharset.setTooltip(new Tooltip("Auto: the charset from Content-Type, else UTF-8"));
        pretty.setId("bodyPretty");
        subscriptions.bindBidirectional(pretty.selectedProperty(), model.prettyJsonProperty());
        pretty.setTooltip(new Tooltip("Indent JSON bodies; off shows the text exactly as received"));
        hexToggle.setId("bodyHexToggle");
        hexToggle.getStyleClass().add("small-toggle");
        hexToggle.setTooltip(new Tooltip("Show the decoded body as a hex dump (any size)"));
        bodyNote.setId("bodyNote");
        bodyNote.getStyleClass().add("muted-label");

        bodyText.setId("responseBody");
        bodyText.getStyleClass().addAll("mono", "response-text");
        bodyText.setEditable(false);
        bodyText.setWrapText(false);
        bodyText.setPromptText("The response body (de-chunked and decompressed) appears here");

        Label charsetLabel = new Label("Charset");
        charsetLabel.getStyleClass().add("muted-label");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        // Only the body info gives way (it wraps); the charset, pretty and hex controls stay whole.
        for (Region control : new Region[]{charsetLabel, bodyCharset, pretty, hexToggle}) {
            control.setMinWidth(Region.USE_PREF_SIZE);
        }
        HBox bar = new HBox(8, bodyInfo, spacer, charsetLabel, bodyCharset, pretty, hexToggle);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("response-toolbar");
        bodyInfo.setMinWidth(0);
        bodyInfo.setWrapText(true);
        bodyInfo.setMinHeight(Region.USE_PREF_SIZE);

        StackPane views = new StackPane(bodyText, bodyHex.view());
        subscriptions.subscribe(hexToggle.selectedProperty(), hex -> {
            bodyText.setVisible(!hex);
            bodyHex.view().setVisible(hex);
        });
        subscriptions.subscribe(model.renderedProperty(), this::showRendered);
        VBox box = new VBox(bar, bodyNote, views);
        VBox.setVgrow(views, Priority.ALWAYS);
        return box;
    }

    private Node headersPane() {
        headers.setId("responseHeaders");
        headers.getStyleClass().add("response-headers");
        TableColumn<Header, String> name = new TableColumn<>("Name");
        name.setCellValueFactory(cell -> new ReadOnlyStringWrapper(cell.getValue().name()));
        name.setPrefWidth(180);
        TableColumn<Header, String> value = new TableColumn<>("Value");
        value.setCellValueFactory(cell -> new ReadOnlyStringWrapper(cell.getValue().value()));
        value.setPrefWidth(360);
        TableColumn<Header, String> offset = new TableColumn<>("Offset");
        offset.setCellValueFactory(cell -> new ReadOnlyStringWrapper(Offsets.describe(cell.getValue().offset())));
        offset.setPrefWidth(100);
        offset.getStyleClass().add("offset-column");
        headers.getColumns().setAll(List.of(name, value, offset));
        headers.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_LAST_COLUMN);
        Label placeholder = new Label("No headers");
        placeholder.getStyleClass().add("placeholder-label");
        headers.setPlaceholder(placeholder);
        headers.getSelectionModel().selectedItemProperty().addListener((obs, old, header) -> {
            if (header != null) {
                rawHex.mark(header.offset());
            }
        });
        headers.setTooltip(new Tooltip("Selecting a header marks its first byte in the Raw view"));
        return headers;
    }

    private Node rawPane() {
        rawNote.setId("rawTextNote");
        rawNote.getStyleClass().add("muted-label");
        rawText.setId("responseRawText");
        rawText.getStyleClass().addAll("mono", "response-text");
        rawText.setEditable(false);
        rawText.setWrapText(false);
        rawText.setPromptText("The raw response as text (CR and LF kept)");
        VBox textBox = new VBox(rawNote, rawText);
        VBox.setVgrow(rawText, Priority.ALWAYS);
        SplitPane split = new SplitPane(rawHex.view(), textBox);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.62);
        return split;
    }

    private Node tlsPane() {
        tlsText.setId("tlsInfo");
        tlsText.getStyleClass().addAll("mono", "response-text");
        tlsText.setEditable(false);
        tlsText.setWrapText(true);
        tlsText.setPromptText("Protocol, cipher and certificate chain of https exchanges");
        return tlsText;
    }

    private void show(HttpExchange shown) {
        exchange = shown;
        status.getStyleClass().removeAll(StatusStyle.ALL);
        if (shown == null) {
            status.setText("No response yet");
            status.getStyleClass().add("status-none");
            statusClass.setText("Compose a request and press Send");
            summary.setText("");
            showFailure(Optional.empty());
            verdicts.show(List.of());
            headers.getItems().clear();
            rawHex.setSource(null);
            bodyHex.setSource(null);
            bodyText.clear();
            rawText.clear();
            bodyInfo.setText("");
            bodyNote.setText("");
            tlsText.clear();
            headersTab.setText("Headers");
            rawTab.setText("Raw");
            return;
        }
        Optional<ParsedResponse> response = shown.response();
        if (response.isPresent()) {
            ParsedResponse parsed = response.get();
            status.setText(parsed.statusLine().isEmpty() ? "(no status line)" : parsed.statusLine());
            status.getStyleClass().add(StatusStyle.forCode(parsed.statusCode()));
            statusClass.setText(classWords(parsed));
            List<Header> rows = new ArrayList<>(parsed.headers());
            rows.addAll(parsed.trailers());
            headers.getItems().setAll(rows);
            headersTab.setText("Headers (" + rows.size() + ")");
            verdicts.show(parsed.verdicts());
            bodyHex.setSource(parsed.body());
            bodyInfo.setText(bodyInfo(parsed));
        } else {
            status.setText("No response");
            status.getStyleClass().add("status-failed");
            statusClass.setText("the exchange failed before a response");
            verdicts.show(List.of());
            headers.getItems().clear();
            headersTab.setText("Headers");
            bodyHex.setSource(null);
            bodyInfo.setText("");
        }
        summary.setText(Formats.bytes(shown.bytesSent()) + " sent · " + Formats.bytes(shown.bytesReceived())
                + " received · " + TimingRows.format(shown.timing().total())
                + (shown.connectionReused() ? " · reused connection" : ""));
        showFailure(shown.failure());
        rawHex.setSource(shown.rawBytes());
        rawTab.setText("Raw (" + String.format(Locale.ROOT, "%,d", shown.rawBytes().length()) + " B)");
        tlsText.setText(TlsText.describe(shown, Instant.now()));
        tlsTab.setText(shown.tls().map(t -> t.insecure() ? "TLS ⚠ insecure" : "TLS").orElse("TLS"));
    }

    private static String classWords(ParsedResponse parsed) {
        String words = parsed.statusClassExplained();
        return words + (parsed.complete() ? "" : " · incomplete");
    }

    private static String bodyInfo(ParsedResponse parsed) {
        List<String> parts = new ArrayList<>();
        parts.add(parsed.header("Content-Type").orElse("no Content-Type"));
        parsed.header("Transfer-Encoding").ifPresent(te -> parts.add("de-chunked"));
        parsed.header("Content-Encoding").ifPresent(ce -> parts.add("decoded from " + ce));
        parts.add(String.format(Locale.ROOT, "%,d bytes", parsed.body().length()));
        return String.join(" · ", parts);
    }

    private void showDropped(Optional<String> message) {
        dropped.setText(message.map(text -> "ⓘ " + text).orElse(""));
        dropped.setVisible(message.isPresent());
        dropped.setManaged(message.isPresent());
    }

    private void showFailure(Optional<String> message) {
        failure.setText(message.map(text -> "⚠ " + text).orElse(""));
        failure.setVisible(message.isPresent());
        failure.setManaged(message.isPresent());
    }

    private void jumpTo(Verdict verdict) {
        if (verdict == null || exchange == null) {
            return;
        }
        tabs.getSelectionModel().select(rawTab);
        rawHex.mark(verdict.byteOffset());
    }

    /** Shows the text the model decoded for the shown exchange (nothing while none is shown). */
    private void showRendered(RenderedResponse text) {
        if (text == null) {
            bodyText.clear();
            bodyNote.setText("");
            rawText.clear();
            rawNote.setText("");
            return;
        }
        bodyText.setText(text.body());
        bodyNote.setText(text.bodyNote());
        rawText.setText(text.raw());
        rawNote.setText(text.rawNote());
    }

    Node view() {
        return root;
    }
}
