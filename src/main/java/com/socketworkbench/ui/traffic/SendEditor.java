package com.socketworkbench.ui.traffic;

import com.socketworkbench.ui.fx.Subscriptions;

import com.socketworkbench.engine.codec.LineEnding;
import com.socketworkbench.engine.codec.PayloadFormat;
import com.socketworkbench.engine.codec.SupportedCharsets;
import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.controlsfx.validation.ValidationResult;
import org.controlsfx.validation.ValidationSupport;
import org.controlsfx.validation.Validator;

import java.nio.charset.Charset;

/**
 * The send box at the bottom of a tab: multi-line input ({@code input}), format ({@code inputFormat}), charset
 * ({@code inputCharset}), line ending ({@code lineEnding}), history buttons ({@code historyPrevious},
 * {@code historyNext}; also Alt+Up/Alt+Down), the Send button ({@code send}; also Ctrl+Enter), the validation
 * message ({@code inputMessage}, with a ControlsFX error decoration on the input) and a hint ({@code inputHint}).
 *
 * <p>Tabs add their own options (e.g. "Send to") with {@link #addOptions}.
 */
public final class SendEditor {
    static final String TEXT_HINT = "escapes: \\r \\n \\t \\0 \\\\ \\xNN";
    static final String HEX_HINT = "hex bytes, spaces optional: 48 65 6c 6c 6f";

    private final SendEditorModel model;
    private final TextArea input = new TextArea();
    private final ComboBox<PayloadFormat> format = new ComboBox<>(FXCollections.observableArrayList(PayloadFormat.values()));
    private final ComboBox<Charset> charset = new ComboBox<>(FXCollections.observableArrayList(SupportedCharsets.all()));
    private final ComboBox<LineEnding> lineEnding = new ComboBox<>(FXCollections.observableArrayList(LineEnding.values()));
    private final Button send = new Button("Send");
    private final Button previous = new Button("▲");
    private final Button next = new Button("▼");
    private final Label message = new Label();
    private final Label hint = new Label();
    private final Label targetHint = new Label();
    private final HBox options;
    private final VBox sendColumn;
    private final VBox root;
    private final ValidationSupport validation = new ValidationSupport();

    public SendEditor(SendEditorModel model, Subscriptions subscriptions) {
        this.model = model;

        input.setId("input");
        input.getStyleClass().addAll("mono", "send-input");
        input.setPrefRowCount(3);
        input.setWrapText(true);
        input.setPromptText("Type text to send (Ctrl+Enter sends)");
        subscriptions.bindBidirectional(input.textProperty(), model.textProperty());

        format.setId("inputFormat");
        format.setTooltip(new Tooltip("Text: typed characters encoded with the charset, escapes allowed.\n"
                + "Hex: exact bytes written as hex digits."));
        subscriptions.bindBidirectional(format.valueProperty(), model.formatProperty());
        charset.setId("inputCharset");
        charset.setTooltip(new Tooltip("How typed text becomes bytes"));
        subscriptions.bindBidirectional(charset.valueProperty(), model.charsetProperty());
        lineEnding.setId("lineEnding");
        lineEnding.setTooltip(new Tooltip("Appended to every send (hex too); line-based servers often wait for LF or CRLF"));
        subscriptions.bindBidirectional(lineEnding.valueProperty(), model.lineEndingProperty());
        charset.disableProperty().bind(model.formatProperty().isEqualTo(PayloadFormat.HEX));
        subscriptions.add(charset.disableProperty()::unbind);

        send.setId("send");
        send.getStyleClass().addAll("accent", "send-button");
        send.setDefaultButton(false);
        send.setTooltip(new Tooltip("Send (Ctrl+Enter)"));
        send.setMaxHeight(Double.MAX_VALUE);
        send.setOnAction(event -> model.send());
        subscriptions.bind(send.disableProperty(), model.canSendProperty().not());

        previous.setId("historyPrevious");
        next.setId("historyNext");
        previous.setTooltip(new Tooltip("Previous sent message (Alt+↑)"));
        next.setTooltip(new Tooltip("Next sent message (Alt+↓)"));
        previous.getStyleClass().add("small-button");
        next.getStyleClass().add("small-button");
        previous.setOnAction(event -> model.historyPrevious());
        next.setOnAction(event -> model.historyNext());

        input.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() == KeyCode.ENTER && event.isShortcutDown()) {
                model.send();
                event.consume();
            } else if (event.getCode() == KeyCode.UP && event.isAltDown()) {
                model.historyPrevious();
                event.consume();
            } else if (event.getCode() == KeyCode.DOWN && event.isAltDown()) {
                model.historyNext();
                event.consume();
            }
        });

        message.setId("inputMessage");
        message.getStyleClass().add("field-error");
        subscriptions.bind(message.textProperty(), model.errorProperty());
        hint.setId("inputHint");
        hint.getStyleClass().add("muted-label");
        subscriptions.bind(hint.textProperty(), Bindings.when(model.formatProperty().isEqualTo(PayloadFormat.HEX))
                .then(HEX_HINT).otherwise(TEXT_HINT));
        targetHint.setId("sendTargetHint");
        targetHint.getStyleClass().add("field-warning");
        subscriptions.bind(targetHint.textProperty(),
                Bindings.when(model.targetReadyProperty()).then("").otherwise(model.targetHintProperty()));

        validation.registerValidator(input, false, (Validator<String>) (control, value) ->
                ValidationResult.fromErrorIf(control, model.error(), !model.error().isEmpty()));
        subscriptions.listen(model.errorProperty(), (obs, old, now) -> validation.revalidate(input));

        options = new HBox(8,
                labelled("Format", format), labelled("Charset", charset), labelled("Line ending", lineEnding));
        options.getStyleClass().add("send-options");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label historyLabel = new Label("History");
        historyLabel.getStyleClass().add("muted-label");
        HBox top = new HBox(8, options, spacer, historyLabel, previous, next);
        top.getStyleClass().add("send-toolbar");

        sendColumn = new VBox(4, send);
        VBox.setVgrow(send, Priority.ALWAYS);
        send.setMaxWidth(Double.MAX_VALUE);
        HBox inputRow = new HBox(8, input, sendColumn);
        HBox.setHgrow(input, Priority.ALWAYS);
        inputRow.getStyleClass().add("send-input-row");

        Region messageSpacer = new Region();
        HBox.setHgrow(messageSpacer, Priority.ALWAYS);
        HBox messages = new HBox(12, message, hint, messageSpacer, targetHint);
        messages.getStyleClass().add("send-messages");

        root = new VBox(6, top, inputRow, messages);
        root.getStyleClass().add("send-editor");
    }

    /** A muted caption in front of a control, the way every settings bar in the app labels its fields. */
    public static HBox labelled(String caption, Node control) {
        Label label = new Label(caption);
        label.getStyleClass().add("field-caption");
        label.setLabelFor(control);
        label.setMinWidth(Region.USE_PREF_SIZE);
        HBox box = new HBox(6, label, control);
        box.getStyleClass().add("labelled-field");
        box.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        return box;
    }

    /** Adds tab-specific controls after the format/charset/line-ending choices. */
    public void addOptions(Node... nodes) {
        options.getChildren().addAll(nodes);
    }

    /** Adds controls under the Send button (a tab's "Save as message" and its messages toggle). */
    public void addBesideSend(Node... nodes) {
        sendColumn.getChildren().addAll(nodes);
    }

    /** Adds a full-width row between the tool bar and the input (e.g. settings an option reveals). */
    public void addRow(Node row) {
        root.getChildren().add(root.getChildren().size() - 2, row);
    }

    public Node view() {
        return root;
    }

    public SendEditorModel model() {
        return model;
    }

    public TextArea input() {
        return input;
    }

    public Button sendButton() {
        return send;
    }
}
