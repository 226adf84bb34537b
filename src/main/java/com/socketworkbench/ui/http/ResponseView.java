package com.socketworkbench.ui.http;

import com.socketworkbench.engine.http.Header;
import com.socketworkbench.engine.http.HttpExchange;
import com.socketworkbench.engine.http.ParsedResponse;
import com.socketworkbench.engine.http.Verdict;
import com.socketworkbench.engine.text.Texts;
import com.socketworkbench.ui.fx.Tips;
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
import javafx.util.StringConverter;

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
    private static final Texts TEXT = Texts.bundle("com.socketworkbench.ui.http.http");
    /** Wide enough for the longest charset names the box offers. */
    static final double CHARSET_BOX_WIDTH = 170;

    private final Label status = new Label();
    private final Label statusClass = new Label();
    private final Label summary = new Label();
    private final Button followRedirect = new Button(TEXT.get("response.followRedirect"));
    private final Label upgradeNote = new Label();
    private final Label failure = new Label();
    private final Label dropped = new Label();
    private final VerdictList verdicts = new VerdictList(this::jumpTo);

    private final TabPane tabs = new TabPane();
    private final Tab bodyTab = new Tab(TEXT.get("response.tab.body"));
    private final Tab headersTab = new Tab(TEXT.get("response.tab.headers"));
    private final Tab rawTab = new Tab(TEXT.get("response.tab.raw"));
    private final Tab tlsTab = new Tab("TLS");

    private final Label bodyInfo = new Label();
    private final ComboBox<CharsetChoice> bodyCharset = new ComboBox<>(FXCollections.observableArrayList(
            CharsetChoice.all()));
    private final CheckBox pretty = new CheckBox(TEXT.get("response.prettyJson"));
    private final ToggleButton hexToggle = new ToggleButton(TEXT.get("response.hex"));
    private final Label bodyNote = new Label();
    private final TextArea bodyText = new TextArea();
    private final HexPane bodyHex = new HexPane("bodyHex", "body", TEXT.get("response.bodyHex.prompt"));

    private final TableView<Header> headers = new TableView<>();
    private final HexPane rawHex = new HexPane("responseRaw", "raw",
            TEXT.get("response.rawHex.prompt"));
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
        upgradeNote.setId("upgradeNote");
        upgradeNote.getStyleClass().add("upgrade-note");
        upgradeNote.setWrapText(true);
        upgradeNote.setMinHeight(Region.USE_PREF_SIZE);
        upgradeNote.textProperty().bind(model.upgradeNoteProperty());
        upgradeNote.visibleProperty().bind(model.upgradeNoteProperty().isNotEmpty());
        upgradeNote.managedProperty().bind(upgradeNote.visibleProperty());
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

        root = new VBox(statusRow, upgradeNote, failure, dropped, verdicts.list(), tabs);
        root.getStyleClass().add("response-pane");
        VBox.setVgrow(tabs, Priority.ALWAYS);

        subscriptions.subscribe(model.shownProperty(), entry -> {
            show(entry == null ? null : entry.exchange());
            showDropped(entry == null ? Optional.empty() : entry.dropped());
        });
        subscriptions.subscribe(model.followUpProperty(), next -> {
            followRedirect.setVisible(next.isPresent());
            followRedirect.setManaged(next.isPresent());
            followRedirect.setTooltip(next.map(f -> new Tooltip(TEXT.get("response.followRedirect.tooltip", f.method(),
                    f.target().origin())))
                    .orElse(null));
        });
    }

    private Node bodyPane(HttpViewModel model, Subscriptions subscriptions) {
        bodyInfo.setId("bodyInfo");
        bodyInfo.getStyleClass().add("body-info");
        bodyCharset.setId("bodyCharset");
        // A fixed width: measuring the 170-odd charset cells on every layout of the toolbar held up the FX thread.
        bodyCharset.setPrefWidth(CHARSET_BOX_WIDTH);

        bodyCharset.setConverter(new StringConverter<>() {
            @Override
            public String toString(CharsetChoice choice) {
                return choice == null ? "" : choice.label();
            }

            @Override
            public CharsetChoice fromString(String text) {
                return null;
            }
        });
        subscriptions.bindBidirectional(bodyCharset.valueProperty(), model.bodyCharsetProperty());
        Tips.install(bodyCharset, TEXT.get("response.charset.tooltip"));
        pretty.setId("bodyPretty");
        subscriptions.bindBidirectional(pretty.selectedProperty(), model.prettyJsonProperty());
        Tips.install(pretty, TEXT.get("response.prettyJson.tooltip"));
        hexToggle.setId("bodyHexToggle");
        hexToggle.getStyleClass().add("small-toggle");
        Tips.install(hexToggle, TEXT.get("response.hex.tooltip"));
        bodyNote.setId("bodyNote");
        bodyNote.getStyleClass().add("muted-label");

        bodyText.setId("responseBody");
        bodyText.getStyleClass().addAll("mono", "response-text");
        bodyText.setEditable(false);
        bodyText.setWrapText(false);
        bodyText.setPromptText(TEXT.get("response.body.prompt"));

        Label charsetLabel = new Label(TEXT.get("response.charset"));
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
        TableColumn<Header, String> name = new TableColumn<>(TEXT.get("response.headers.name"));
        name.setCellValueFactory(cell -> new ReadOnlyStringWrapper(cell.getValue().name()));
        name.setPrefWidth(180);
        TableColumn<Header, String> value = new TableColumn<>(TEXT.get("response.headers.value"));
        value.setCellValueFactory(cell -> new ReadOnlyStringWrapper(cell.getValue().value()));
        value.setPrefWidth(360);
        TableColumn<Header, String> offset = new TableColumn<>(TEXT.get("response.headers.offset"));
        offset.setCellValueFactory(cell -> new ReadOnlyStringWrapper(Offsets.describe(cell.getValue().offset())));
        offset.setPrefWidth(100);
        offset.getStyleClass().add("offset-column");
        headers.getColumns().setAll(List.of(name, value, offset));
        headers.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_LAST_COLUMN);
        Label placeholder = new Label(TEXT.get("response.headers.none"));
        placeholder.getStyleClass().add("placeholder-label");
        headers.setPlaceholder(placeholder);
        headers.getSelectionModel().selectedItemProperty().addListener((obs, old, header) -> {
            if (header != null) {
                rawHex.mark(header.offset());
            }
        });
        Tips.install(headers, TEXT.get("response.headers.tooltip"));
        return headers;
    }

    private Node rawPane() {
        rawNote.setId("rawTextNote");
        rawNote.getStyleClass().add("muted-label");
        rawText.setId("responseRawText");
        rawText.getStyleClass().addAll("mono", "response-text");
        rawText.setEditable(false);
        rawText.setWrapText(false);
        rawText.setPromptText(TEXT.get("response.rawText.prompt"));
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
        tlsText.setPromptText(TEXT.get("response.tls.prompt"));
        return tlsText;
    }

    private void show(HttpExchange shown) {
        exchange = shown;
        status.getStyleClass().removeAll(StatusStyle.ALL);
        if (shown == null) {
            status.setText(TEXT.get("response.none.yet"));
            status.getStyleClass().add("status-none");
            statusClass.setText(TEXT.get("response.none.hint"));
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
            headersTab.setText(TEXT.get("response.tab.headers"));
            rawTab.setText(TEXT.get("response.tab.raw"));
            return;
        }
        Optional<ParsedResponse> response = shown.response();
        if (response.isPresent()) {
            ParsedResponse parsed = response.get();
            status.setText(parsed.statusLine().isEmpty() ? TEXT.get("response.noStatusLine") : parsed.statusLine());
            status.getStyleClass().add(StatusStyle.forCode(parsed.statusCode()));
            statusClass.setText(classWords(parsed));
            List<Header> rows = new ArrayList<>(parsed.headers());
            rows.addAll(parsed.trailers());
            headers.getItems().setAll(rows);
            headersTab.setText(TEXT.get("response.tab.headers.count", rows.size()));
            verdicts.show(parsed.verdicts());
            bodyHex.setSource(parsed.body());
            bodyInfo.setText(bodyInfo(parsed));
        } else {
            status.setText(TEXT.get("response.none"));
            status.getStyleClass().add("status-failed");
            statusClass.setText(TEXT.get("response.none.failed"));
            verdicts.show(List.of());
            headers.getItems().clear();
            headersTab.setText(TEXT.get("response.tab.headers"));
            bodyHex.setSource(null);
            bodyInfo.setText("");
        }
        summary.setText(TEXT.get(shown.connectionReused() ? "response.summary.reused" : "response.summary",
                Formats.bytes(shown.bytesSent()), Formats.bytes(shown.bytesReceived()),
                TimingRows.format(shown.timing().total())));
        showFailure(shown.failure());
        rawHex.setSource(shown.rawBytes());
        rawTab.setText(TEXT.get("response.tab.raw.size", String.format(Locale.ROOT, "%,d", shown.rawBytes().length())));
        tlsText.setText(TlsText.describe(shown, Instant.now()));
        tlsTab.setText(shown.tls().map(t -> t.insecure() ? TEXT.get("response.tab.tls.insecure") : "TLS").orElse("TLS"));
    }

    private static String classWords(ParsedResponse parsed) {
        String words = parsed.statusClassExplained();
        return parsed.complete() ? words : TEXT.get("response.class.incomplete", words);
    }

    private static String bodyInfo(ParsedResponse parsed) {
        List<String> parts = new ArrayList<>();
        parts.add(parsed.header("Content-Type").orElse(TEXT.get("response.body.noContentType")));
        parsed.header("Transfer-Encoding").ifPresent(te -> parts.add(TEXT.get("response.body.dechunked")));
        parsed.header("Content-Encoding").ifPresent(ce -> parts.add(TEXT.get("response.body.decodedFrom", ce)));
        parts.add(TEXT.get("response.body.bytes", String.format(Locale.ROOT, "%,d", parsed.body().length())));

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
