package com.socketworkbench.ui.traffic;

import com.socketworkbench.ui.fx.Subscriptions;
import com.socketworkbench.ui.fx.Tips;
import com.socketworkbench.ui.input.FieldMessage;

import com.socketworkbench.engine.codec.LineEnding;
import com.socketworkbench.engine.codec.PayloadFormat;
import com.socketworkbench.engine.codec.SupportedCharsets;
import com.socketworkbench.engine.text.Texts;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.TextArea;
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
 * ({@code inputCharset}), line ending ({@code lineEnding}, disabled for hex, which is sent exactly), the escapes switch
 * ({@code escapes}, text only), the dynamic fields switch ({@code fields}) with a one-line preview of the next send's
 * bytes ({@code fieldsPreview}, shown while fields are on), history buttons ({@code historyPrevious}, {@code historyNext}; also Alt+Up/Alt+Down),
 * the Send button ({@code send}; also Ctrl+Enter in the input), the validation message ({@code inputMessage}, with a
 * ControlsFX error decoration on the input; it also says why a Text/Hex switch kept the input) and a hint
 * ({@code inputHint}).
 *
 * <p>Tabs add their own options (e.g. "Send to") with {@link #addOptions}. {@link #charsetProperty()} is the charset
 * text is sent in, for a view of the tab's traffic to follow.
 */
public final class SendEditor {
    private static final Texts TEXT = Texts.bundle("com.socketworkbench.ui.traffic.send");

    private final SendEditorModel model;
    private final TextArea input = new TextArea();
    private final ComboBox<PayloadFormat> format = new ComboBox<>(FXCollections.observableArrayList(PayloadFormat.values()));
    private final ComboBox<Charset> charset = new ComboBox<>(FXCollections.observableArrayList(SupportedCharsets.all()));
    private final ComboBox<LineEnding> lineEnding = new ComboBox<>(FXCollections.observableArrayList(LineEnding.values()));
    private final CheckBox escapes = new CheckBox(TEXT.get("escapes"));
    private final CheckBox fields = new CheckBox(TEXT.get("fields"));
    private final Label fieldsPreview = new Label();
    private final Button send = new Button(TEXT.get("send"));
    private final Label message = new Label();
    private final Label hint = new Label();
    private final Label targetHint = new Label();
    private final HBox options;
    private final VBox sendColumn;
    private final VBox root;
    private final ValidationSupport validation = new ValidationSupport();
    private final ReadOnlyObjectWrapper<Charset> charsetView = new ReadOnlyObjectWrapper<>(this, "charset");
    private boolean syncingFormat;

    public SendEditor(SendEditorModel model, Subscriptions subscriptions) {
        this.model = model;

        input.setId("input");
        input.getStyleClass().addAll("mono", "send-input");
        input.setPrefRowCount(3);
        input.setWrapText(true);
        input.setPromptText(TEXT.get("input.prompt"));
        subscriptions.bindBidirectional(input.textProperty(), model.textProperty());

        format.setId("inputFormat");
        Tips.install(format, TEXT.get("format.tooltip"));
        bindFormat(subscriptions);
        charset.setId("inputCharset");
        Tips.install(charset, TEXT.get("charset.tooltip"));
        subscriptions.bindBidirectional(charset.valueProperty(), model.charsetProperty());
        subscriptions.bind(charsetView, model.charsetProperty());
        lineEnding.setId("lineEnding");
        Tips.install(lineEnding, TEXT.get("lineEnding.tooltip"));
        subscriptions.bindBidirectional(lineEnding.valueProperty(), model.lineEndingProperty());
        escapes.setId("escapes");
        Tips.install(escapes, TEXT.get("escapes.tooltip"));
        subscriptions.bindBidirectional(escapes.selectedProperty(), model.escapesProperty());
        fields.setId("fields");
        Tips.install(fields, TEXT.get("fields.tooltip"));
        subscriptions.bindBidirectional(fields.selectedProperty(), model.fieldsProperty());
        fieldsPreview.setId("fieldsPreview");
        fieldsPreview.getStyleClass().addAll("mono", "muted-label");
        Tips.install(fieldsPreview, TEXT.get("fields.preview.tooltip"));
        fieldsPreview.setTextOverrun(OverrunStyle.ELLIPSIS);
        fieldsPreview.setMaxWidth(Double.MAX_VALUE);
        subscriptions.bind(fieldsPreview.textProperty(), model.previewProperty());
        // Only while fields are on: without them the bytes are what was typed, and the row would be noise.
        subscriptions.bind(fieldsPreview.visibleProperty(), model.fieldsProperty());
        subscriptions.bind(fieldsPreview.managedProperty(), model.fieldsProperty());
        BooleanBinding hex = model.formatProperty().isEqualTo(PayloadFormat.HEX);
        subscriptions.bind(charset.disableProperty(), hex);
        // Hex is the exact bytes: neither an ending nor escapes apply, and a live control would suggest they do.
        subscriptions.bind(lineEnding.disableProperty(), hex);
        subscriptions.bind(escapes.disableProperty(), hex);

        send.setId("send");
        send.getStyleClass().addAll("accent", "send-button");
        send.setDefaultButton(false);
        Tips.install(send, TEXT.get("send.tooltip"));
        send.setMaxHeight(Double.MAX_VALUE);
        send.setOnAction(event -> model.send());
        subscriptions.bind(send.disableProperty(), model.canSendProperty().not());

        HistoryButtons history = new HistoryButtons("history", model::historyPrevious, model::historyNext);
        HistoryButtons.onAltArrows(input, model::historyPrevious, model::historyNext);
        input.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            // Ctrl+Enter on every system (and Cmd+Enter on macOS): Enter alone is a newline in the text.
            if (event.getCode() == KeyCode.ENTER && (event.isShortcutDown() || event.isControlDown())) {
                model.send();
                event.consume();
            }
        });

        message.setId("inputMessage");
        message.getStyleClass().add("field-error");
        message.setWrapText(true);
        subscriptions.bind(message.textProperty(), Bindings.when(model.errorProperty().isEmpty())
                .then(model.noteProperty()).otherwise(model.errorProperty()));
        FieldMessage.showText(input, message, subscriptions);
        hint.setId("inputHint");
        hint.getStyleClass().add("muted-label");
        subscriptions.bind(hint.textProperty(), Bindings.createStringBinding(() -> TEXT.get(
                model.formatProperty().get() == PayloadFormat.HEX ? "hint.hex"
                        : model.escapesProperty().get() ? "hint.text.escapes" : "hint.text.literal"),
                model.formatProperty(), model.escapesProperty()));
        targetHint.setId("sendTargetHint");
        targetHint.getStyleClass().add("field-warning");
        subscriptions.bind(targetHint.textProperty(),
                Bindings.when(model.targetReadyProperty()).then("").otherwise(model.targetHintProperty()));

        validation.registerValidator(input, false, (Validator<String>) (control, value) ->
                ValidationResult.fromErrorIf(control, model.error(), !model.error().isEmpty()));
        subscriptions.listen(model.errorProperty(), (obs, old, now) -> validation.revalidate(input));

        options = new HBox(8, labelled(TEXT.get("format"), format), labelled(TEXT.get("charset"), charset),
                labelled(TEXT.get("lineEnding"), lineEnding));
        options.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        options.getStyleClass().add("send-options");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox top = new HBox(8, options, spacer, history.node());
        top.getStyleClass().add("send-toolbar");

        sendColumn = new VBox(4, send);
        VBox.setVgrow(send, Priority.ALWAYS);
        send.setMaxWidth(Double.MAX_VALUE);
        HBox inputRow = new HBox(8, input, sendColumn);
        HBox.setHgrow(input, Priority.ALWAYS);
        inputRow.getStyleClass().add("send-input-row");

        Region messageSpacer = new Region();
        HBox.setHgrow(messageSpacer, Priority.ALWAYS);
        // The escapes switch sits with the hint that says what it does, and leaves the tool bar room in a small window.
        escapes.setMinWidth(Region.USE_PREF_SIZE);
        fields.setMinWidth(Region.USE_PREF_SIZE);
        HBox messages = new HBox(12, escapes, fields, message, hint, messageSpacer, targetHint);
        messages.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        messages.getStyleClass().add("send-messages");

        root = new VBox(6, top, inputRow, messages, fieldsPreview);
        root.getStyleClass().add("send-editor");
    }

    /**
     * The format box asks the model to switch (which converts the input) instead of setting the format directly; when
     * the model keeps the format, the box goes back to it. Loading a tab or a history entry sets the model's format
     * without converting, and the box follows.
     */
    private void bindFormat(Subscriptions subscriptions) {
        format.setValue(model.formatProperty().get());
        subscriptions.listen(format.valueProperty(), (obs, old, chosen) -> {
            if (syncingFormat || chosen == null) {
                return;
            }
            model.switchFormat(chosen);
            showFormat(model.formatProperty().get());
        });
        subscriptions.listen(model.formatProperty(), (obs, old, now) -> showFormat(now));
    }

    private void showFormat(PayloadFormat now) {
        if (format.getValue() == now) {
            return;
        }
        syncingFormat = true;
        try {
            format.setValue(now);
        } finally {
            syncingFormat = false;
        }
    }

    /**
     * The charset typed text is sent in, as the tab's charset box shows it: a view of this tab's traffic follows it
     * to decode what it shows (it changes when the user picks another charset or a tab or message is loaded).
     */
    public ReadOnlyObjectProperty<Charset> charsetProperty() {
        return charsetView.getReadOnlyProperty();
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
        root.getChildren().add(root.getChildren().indexOf(input.getParent()), row);
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
