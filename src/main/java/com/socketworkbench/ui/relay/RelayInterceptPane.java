// The Intercept side panel: what to hold, the held chunks, and the editor that forwards or drops one.
package com.socketworkbench.ui.relay;

import com.socketworkbench.engine.codec.PayloadFormat;
import com.socketworkbench.engine.relay.HeldChunk;
import com.socketworkbench.engine.relay.HoldTimeoutAction;
import com.socketworkbench.engine.relay.RelayDirection;
import com.socketworkbench.engine.text.Texts;
import com.socketworkbench.ui.fx.Subscriptions;
import com.socketworkbench.ui.fx.Tips;
import com.socketworkbench.ui.input.FieldMessage;
import com.socketworkbench.ui.tab.TabLayout;
import com.socketworkbench.ui.traffic.Formats;
import com.socketworkbench.ui.traffic.SendEditor;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

import java.util.List;
import java.util.function.Function;

/**
 * The Relay tab's Intercept panel (id {@code intercept}): which directions to hold, the hold timeout and what
 * happens then, the held chunks table ({@code heldChunks}) and the editor of the selected chunk with Forward/Drop.
 */
final class RelayInterceptPane {
    private static final Texts TEXT = RelayTexts.TEXT;

    private final RelayViewModel model;
    private final Subscriptions subscriptions;
    private final TableView<HeldChunk> heldChunks = new TableView<>();
    private final Node pane;

    RelayInterceptPane(RelayViewModel model, Subscriptions subscriptions) {
        this.model = model;
        this.subscriptions = subscriptions;
        pane = build();
    }

    Node pane() {
        return pane;
    }

    TableView<HeldChunk> heldTable() {
        return heldChunks;
    }

    private Node build() {
        RelaySettings settings = model.settings();
        CheckBox c2s = new CheckBox(TEXT.get("direction.c2s"));
        c2s.setId("interceptClientToServer");
        subscriptions.bindBidirectional(c2s.selectedProperty(), settings.intercept(RelayDirection.CLIENT_TO_SERVER));
        CheckBox s2c = new CheckBox(TEXT.get("direction.s2c"));
        s2c.setId("interceptServerToClient");
        subscriptions.bindBidirectional(s2c.selectedProperty(), settings.intercept(RelayDirection.SERVER_TO_CLIENT));
        Label holdCaption = new Label(TEXT.get("intercept.hold"));
        holdCaption.getStyleClass().add("field-caption");
        FlowPane toggles = new FlowPane(10, 4, holdCaption, c2s, s2c);
        toggles.setAlignment(Pos.CENTER_LEFT);
        for (javafx.scene.control.Control part : List.of(holdCaption, c2s, s2c)) {
            Tips.install(part, TEXT.get("intercept.tooltip"));
        }

        TextField timeout = new TextField();
        timeout.setId("holdTimeout");
        timeout.setPrefColumnCount(4);
        Tips.install(timeout, TEXT.get("hold.timeout.tooltip"));
        subscriptions.bindBidirectional(timeout.textProperty(), settings.holdTimeout().textProperty());
        Label timeoutMessage = new Label();
        timeoutMessage.setId("holdTimeoutMessage");
        timeoutMessage.setWrapText(true);
        FieldMessage.show(timeout, timeoutMessage, settings.holdTimeout().verdictProperty(), subscriptions);
        ComboBox<HoldTimeoutAction> action = new ComboBox<>(
                FXCollections.observableArrayList(HoldTimeoutAction.values()));
        action.setId("holdTimeoutAction");
        action.setConverter(words(value -> TEXT.get(value == HoldTimeoutAction.DROP
                ? "hold.timeout.drop" : "hold.timeout.forward")));
        subscriptions.bindBidirectional(action.valueProperty(), settings.holdTimeoutActionProperty());
        FlowPane timeoutRow = new FlowPane(6, 4, SendEditor.labelled(TEXT.get("hold.timeout"), timeout),
                new Label(TEXT.get("hold.timeout.then")), action);
        timeoutRow.setAlignment(Pos.CENTER_LEFT);

        buildHeldTable();
        Node editor = heldEditorPane();
        VBox pane = new VBox(8, toggles, timeoutRow, timeoutMessage, heldChunks, editor);
        VBox.setVgrow(heldChunks, Priority.SOMETIMES);
        VBox.setVgrow(editor, Priority.ALWAYS);
        pane.getStyleClass().add("side-pane");
        return pane;
    }

    private void buildHeldTable() {
        heldChunks.setId("heldChunks");
        heldChunks.setItems(model.held().rows());
        heldChunks.setPrefHeight(110);
        heldChunks.setMinHeight(70);
        heldChunks.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        Label placeholder = new Label(TEXT.get("held.placeholder"));
        placeholder.getStyleClass().add("placeholder-label");
        placeholder.setWrapText(true);
        heldChunks.setPlaceholder(placeholder);
        TableColumn<HeldChunk, String> pair = heldColumn(TEXT.get("pairs.column.id"), 44,
                chunk -> "#" + chunk.pairId());
        TableColumn<HeldChunk, String> direction = heldColumn(TEXT.get("column.direction"), 110,
                chunk -> TEXT.get(chunk.direction() == RelayDirection.CLIENT_TO_SERVER
                        ? "direction.c2s" : "direction.s2c"));
        TableColumn<HeldChunk, String> size = heldColumn(TEXT.get("held.column.size"), 64,
                chunk -> Formats.bytes(chunk.bytes().length));
        TableColumn<HeldChunk, String> age = new TableColumn<>(TEXT.get("held.column.age"));
        age.setSortable(false);
        // Counted down on the UI tick (the model's "now"), never per event.
        age.setCellValueFactory(data -> Bindings.createStringBinding(() -> HeldChunks.waited(data.getValue(),
                model.nowProperty().get(), model.holdTimeoutProperty().get()), model.nowProperty(),
                model.holdTimeoutProperty()));
        heldChunks.getColumns().setAll(List.of(pair, direction, size, age));
        subscriptions.bind(model.held().selectedProperty(), heldChunks.getSelectionModel().selectedItemProperty());
        // The chunk that arrives while none is open opens by itself: one click less in the usual one-at-a-time case.
        subscriptions.listen(model.held().rows(), (ListChangeListener<HeldChunk>) change -> {
            if (heldChunks.getSelectionModel().isEmpty() && !model.held().rows().isEmpty()) {
                heldChunks.getSelectionModel().selectFirst();
            }
        });
    }

    private static TableColumn<HeldChunk, String> heldColumn(String title, double width,
                                                             Function<HeldChunk, String> text) {
        TableColumn<HeldChunk, String> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setSortable(false);
        column.setCellValueFactory(data -> new javafx.beans.property.ReadOnlyStringWrapper(
                text.apply(data.getValue())));
        return column;
    }

    private Node heldEditorPane() {
        HeldEditor editor = model.editor();
        ComboBox<PayloadFormat> format = new ComboBox<>(FXCollections.observableArrayList(PayloadFormat.values()));
        format.setId("heldFormat");
        Tips.install(format, TEXT.get("editor.format.tooltip"));
        bindFormat(format, editor);
        Label title = new Label();
        title.getStyleClass().add("section-title");
        subscriptions.bind(title.textProperty(), Bindings.createStringBinding(() -> {
            HeldChunk chunk = editor.chunkProperty().get();
            return chunk == null ? TEXT.get("editor.title.none") : TEXT.get("editor.title", "#" + chunk.pairId(),
                    TEXT.get(chunk.direction() == RelayDirection.CLIENT_TO_SERVER ? "direction.c2s"
                            : "direction.s2c"), Formats.bytes(chunk.bytes().length));
        }, editor.chunkProperty()));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(6, title, spacer, format);
        header.setAlignment(Pos.CENTER_LEFT);

        TextArea text = new TextArea();
        text.setId("heldEditor");
        text.getStyleClass().add("mono");
        text.setWrapText(true);
        text.setPrefRowCount(5);
        Tips.install(text, TEXT.get("editor.tooltip"));
        subscriptions.bindBidirectional(text.textProperty(), editor.textProperty());
        subscriptions.bind(text.disableProperty(), editor.chunkProperty().isNull());
        subscriptions.bind(format.disableProperty(), editor.chunkProperty().isNull());
        Label message = new Label();
        message.setId("heldEditorMessage");
        message.setWrapText(true);
        // Why the Text/Hex switch just asked for was refused comes first (the box went back, this says why; typing
        // clears it), then what stops Forward, then a note about a chunk released meanwhile.
        ObservableValue<String> messageText = Bindings.createStringBinding(() -> !editor.noteProperty().get()
                .isEmpty() ? editor.noteProperty().get() : !editor.errorProperty().get().isEmpty()
                ? editor.errorProperty().get() : model.editorNoteProperty().get(),
                editor.errorProperty(), editor.noteProperty(), model.editorNoteProperty());
        subscriptions.bind(message.textProperty(), messageText);
        subscriptions.subscribe(messageText, ignored -> {
            message.getStyleClass().removeAll("field-error", "field-hint");
            message.getStyleClass().add(editor.errorProperty().get().isEmpty() && editor.noteProperty().get()
                    .isEmpty() ? "field-hint" : "field-error");
        });
        TabLayout.showWhen(message, Bindings.isNotEmpty(message.textProperty()), subscriptions);

        Button forward = new Button(TEXT.get("forward"));
        forward.setId("forward");
        forward.getStyleClass().add("accent");
        Tips.install(forward, TEXT.get("forward.tooltip"));
        forward.setOnAction(event -> model.forward());
        subscriptions.bind(forward.disableProperty(), editor.canForwardProperty().not());
        Button drop = new Button(TEXT.get("drop"));
        drop.setId("drop");
        drop.getStyleClass().add("danger");
        Tips.install(drop, TEXT.get("drop.tooltip"));
        drop.setOnAction(event -> model.drop());
        subscriptions.bind(drop.disableProperty(), editor.chunkProperty().isNull());
        Button forwardAll = new Button(TEXT.get("forward.all"));
        forwardAll.setId("forwardAll");
        Tips.install(forwardAll, TEXT.get("forward.all.tooltip"));
        forwardAll.setOnAction(event -> model.forwardAll());
        Button dropAll = new Button(TEXT.get("drop.all"));
        dropAll.setId("dropAll");
        Tips.install(dropAll, TEXT.get("drop.all.tooltip"));
        dropAll.setOnAction(event -> model.dropAll());
        for (Button all : List.of(forwardAll, dropAll)) {
            subscriptions.bind(all.disableProperty(), Bindings.isEmpty(model.held().rows()));
        }
        for (Button button : List.of(forwardAll, dropAll, forward, drop)) {
            button.setMinWidth(Region.USE_PREF_SIZE);
        }
        // The side panel is narrow: the two pairs of buttons wrap onto two rows rather than cut their words.
        HBox all = new HBox(8, forwardAll, dropAll);
        HBox one = new HBox(8, forward, drop);
        FlowPane buttons = new FlowPane(16, 6, all, one);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        VBox pane = new VBox(6, header, text, message, buttons);
        VBox.setVgrow(text, Priority.ALWAYS);
        return pane;
    }

    /**
     * The format box asks the editor to switch (which converts the text) instead of setting its format; when the
     * editor refuses, the box goes back to the editor's format, so the two never disagree.
     */
    private void bindFormat(ComboBox<PayloadFormat> box, HeldEditor editor) {
        box.setValue(editor.formatProperty().get());
        boolean[] syncing = {false};
        subscriptions.listen(box.valueProperty(), (obs, old, chosen) -> {
            if (syncing[0] || chosen == null) {
                return;
            }
            editor.switchFormat(chosen);
            if (box.getValue() != editor.formatProperty().get()) {
                syncing[0] = true;
                try {
                    box.setValue(editor.formatProperty().get());
                } finally {
                    syncing[0] = false;
                }
            }
        });
        subscriptions.listen(editor.formatProperty(), (obs, old, now) -> {
            if (box.getValue() != now) {
                syncing[0] = true;
                try {
                    box.setValue(now);
                } finally {
                    syncing[0] = false;
                }
            }
        });
    }

    private static <T> StringConverter<T> words(Function<T, String> text) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "" : text.apply(value);
            }

            @Override
            public T fromString(String string) {
                throw new UnsupportedOperationException("not editable");
            }
        };
    }
}
