package com.socketworkbench.ui.messages;

import com.socketworkbench.engine.text.Texts;
import com.socketworkbench.ui.fx.Subscriptions;
import com.socketworkbench.ui.fx.Tips;
import com.socketworkbench.ui.tab.SidePanels;
import com.socketworkbench.ui.fx.UiExecutor;
import com.socketworkbench.ui.tab.TabLayout;
import com.socketworkbench.ui.traffic.SendEditorModel;
import com.socketworkbench.workspace.SavedMessage;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.event.EventHandler;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import java.util.concurrent.atomic.AtomicReference;

/**
 * A socket tab's messages panel ({@code messages}), a side panel beside the traffic area opened with
 * {@link #toggle()} ({@code messagesToggle}); {@link #saveButton()} ({@code saveMessage}) sits under the send
 * editor's Send button and opens the panel with the name form. In the panel: search ({@code messageSearch}), the
 * list ({@code messageList}: double-click or Enter sends, Alt+Up/Down moves, Delete deletes, drag to reorder),
 * Send ({@code sendSavedMessage}), Move up/down ({@code moveMessageUp}, {@code moveMessageDown}), Rename
 * ({@code editMessage}), To editor ({@code loadMessage}), Delete ({@code deleteMessage}) with Undo
 * ({@code undoDelete}), Import ({@code importMessages}), Export ({@code exportMessages}), Hide
 * ({@code closeMessages}) and the status line ({@code messagesStatus}). Ctrl+1…9 send the first nine messages shown
 * while the tab's view is in the window, panel open or not.
 */
public final class MessagesPanel {
    private static final Texts TEXT = Texts.bundle("com.socketworkbench.ui.messages.messages");
    public static final double WIDTH = 330;
    /** About two messages: below this the panel scrolls instead. */
    private static final double LIST_MIN_HEIGHT = 84;

    private final MessagesPanelModel model;
    private final MessageFileChooser files;
    private final ToggleButton toggle = new ToggleButton(TEXT.get("panel.toggle"));
    private final Button save = new Button(TEXT.get("panel.save"));
    private final ListView<SavedMessage> list = new ListView<>();
    private final Subscriptions subscriptions;
    /** The panel's nodes, built when it is first opened (or asked for): most sessions never open it. */
    private ScrollPane root;

    /** The panel of a tab whose send editor is {@code editor}, with the system's file dialogs. */
    public static MessagesPanel of(MessageLibrary library, SendEditorModel editor, UiExecutor executor,
                                   Subscriptions subscriptions) {
        return new MessagesPanel(new MessagesPanelModel(library, editor, executor, subscriptions),
                MessageFileChooser.system(), subscriptions);
    }

    public MessagesPanel(MessagesPanelModel model, MessageFileChooser files, Subscriptions subscriptions) {
        this.model = model;
        this.files = files;
        toggle.setId("messagesToggle");
        toggle.getStyleClass().add("small-toggle");
        toggle.setMinWidth(Region.USE_PREF_SIZE);
        toggle.setMaxWidth(Double.MAX_VALUE);
        Tips.install(toggle, TEXT.get("panel.toggle.tooltip"));
        save.setId("saveMessage");
        save.getStyleClass().add("small-button");
        save.setMinWidth(Region.USE_PREF_SIZE);
        save.setMaxWidth(Double.MAX_VALUE);
        Tips.install(save, TEXT.get("panel.save.tooltip"));
        save.setOnAction(event -> revealIfRefused(model.beginSave()));
        subscriptions.subscribe(model.form().modeProperty(), mode -> {
            if (mode != MessageForm.Mode.CLOSED) {
                toggle.setSelected(true);
            }
        });

        this.subscriptions = subscriptions;
        sendShortcuts(subscriptions);
    }

    /** The panel's root, built at the first call. */
    private ScrollPane root() {
        if (root != null) {
            return root;
        }
        TextField search = new TextField();
        search.setId("messageSearch");
        search.setPromptText(TEXT.get("panel.search.prompt"));
        subscriptions.bindBidirectional(search.textProperty(), model.searchProperty());

        VBox content = new VBox(6, header(subscriptions), search, new MessageFormView(model, subscriptions).view(),
                list(subscriptions), buttons(subscriptions), status(subscriptions));
        content.getStyleClass().add("messages-panel-content");
        // In a short window the panel scrolls rather than pushing the send editor out of the window; while there
        // is room, the list takes all of it.
        root = new ScrollPane(content);
        root.setId("messages");
        root.getStyleClass().add("messages-panel");
        root.setFitToWidth(true);
        root.setFitToHeight(true);
        root.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        root.setPrefWidth(WIDTH);
        root.setMinViewportWidth(WIDTH - 20);
        return root;
    }

    private Node header(Subscriptions subscriptions) {
        Label title = new Label(TEXT.get("panel.title"));
        title.getStyleClass().add("section-title");
        Label count = new Label();
        count.getStyleClass().add("muted-label");
        subscriptions.bind(count.textProperty(), Bindings.size(model.messages()).asString());
        Button importButton = smallButton("importMessages", TEXT.get("panel.import"),
                TEXT.get("panel.import.tooltip"));
        importButton.setOnAction(event -> files.chooseImport(window()).ifPresent(model::importFrom));
        Button exportButton = smallButton("exportMessages", TEXT.get("panel.export"),
                TEXT.get("panel.export.tooltip"));
        exportButton.setOnAction(event -> files.chooseExport(window()).ifPresent(model::exportTo));
        subscriptions.bind(exportButton.disableProperty(), Bindings.isEmpty(model.messages()));
        Button close = smallButton("closeMessages", "✕", TEXT.get("panel.close.tooltip"));
        close.setOnAction(event -> toggle.setSelected(false));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(6, title, count, spacer, importButton, exportButton, close);
        header.setAlignment(Pos.CENTER_LEFT);
        header.getStyleClass().add("section-header");
        return header;
    }

    private Node list(Subscriptions subscriptions) {
        list.setId("messageList");
        list.setItems(model.visible());
        AtomicReference<SavedMessage> dragged = new AtomicReference<>();
        list.setCellFactory(view -> new MessageCell(message -> revealIfRefused(model.send(message)), model::move,
                dragged));
        Label placeholder = new Label();
        placeholder.setWrapText(true);
        placeholder.getStyleClass().add("muted-label");
        subscriptions.bind(placeholder.textProperty(), Bindings.createStringBinding(
                () -> model.messages().isEmpty()
                        ? TEXT.get("panel.empty")
                        : TEXT.get("panel.nomatch"), model.messages()));
        list.setPlaceholder(placeholder);
        VBox.setVgrow(list, Priority.ALWAYS);
        list.setMinHeight(LIST_MIN_HEIGHT);

        subscriptions.subscribe(list.getSelectionModel().selectedItemProperty(),
                item -> model.selectedProperty().set(item));
        subscriptions.subscribe(model.selectedProperty(), message -> {
            if (message == null) {
                list.getSelectionModel().clearSelection();
            } else if (list.getSelectionModel().getSelectedItem() != message) {
                list.getSelectionModel().select(message);
                list.scrollTo(message);
            }
        });
        list.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (listKey(event)) {
                event.consume();
            }
        });
        return list;
    }

    /** Enter sends, Delete deletes, Alt+Up/Down move the selected message. */
    private boolean listKey(KeyEvent event) {
        switch (event.getCode()) {
            case ENTER -> revealIfRefused(model.sendSelected());
            case DELETE -> model.delete();
            case UP, DOWN -> {
                if (!event.isAltDown()) {
                    return false;
                }
                if (event.getCode() == KeyCode.UP) {
                    model.moveUp();
                } else {
                    model.moveDown();
                }
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    private Node buttons(Subscriptions subscriptions) {
        Button send = smallButton("sendSavedMessage", TEXT.get("panel.send"), TEXT.get("panel.send.tooltip"));
        send.getStyleClass().add("accent");
        send.setOnAction(event -> revealIfRefused(model.sendSelected()));
        Button up = smallButton("moveMessageUp", "▲", TEXT.get("panel.up.tooltip"));
        up.setOnAction(event -> model.moveUp());
        Button down = smallButton("moveMessageDown", "▼", TEXT.get("panel.down.tooltip"));
        down.setOnAction(event -> model.moveDown());
        Button edit = smallButton("editMessage", TEXT.get("panel.edit"), TEXT.get("panel.edit.tooltip"));
        edit.setOnAction(event -> model.beginEdit());
        Button load = smallButton("loadMessage", TEXT.get("panel.load"), TEXT.get("panel.load.tooltip"));
        load.setOnAction(event -> model.loadIntoEditor());
        Button delete = smallButton("deleteMessage", TEXT.get("panel.delete"), TEXT.get("panel.delete.tooltip"));
        delete.setOnAction(event -> model.delete());
        BooleanBinding none = model.selectedProperty().isNull();
        for (Button button : new Button[]{send, up, down, edit, load, delete}) {
            subscriptions.bind(button.disableProperty(), none);
        }
        FlowPane row = new FlowPane(6, 4, send, up, down, edit, load, delete);
        row.getStyleClass().add("message-buttons");
        return row;
    }

    private Node status(Subscriptions subscriptions) {
        Label status = new Label();
        status.setId("messagesStatus");
        status.setWrapText(true);
        status.setMinHeight(Region.USE_PREF_SIZE);
        subscriptions.bind(status.textProperty(), model.status().textProperty());
        subscriptions.subscribe(model.status().errorProperty(), error -> {
            status.getStyleClass().removeAll("field-error", "muted-label");
            status.getStyleClass().add(error ? "field-error" : "muted-label");
        });
        Button undo = smallButton("undoDelete", TEXT.get("panel.undo"), TEXT.get("panel.undo.tooltip"));
        undo.setOnAction(event -> model.undoDelete());
        TabLayout.showWhen(undo, model.canUndoDeleteProperty(), subscriptions);
        HBox.setHgrow(status, Priority.ALWAYS);
        status.setMaxWidth(Double.MAX_VALUE);
        HBox row = new HBox(6, status, undo);
        row.setAlignment(Pos.CENTER_LEFT);
        TabLayout.showWhen(row, Bindings.isNotEmpty(model.status().textProperty()), subscriptions);
        return row;
    }

    /**
     * Ctrl+1…9 anywhere in the window while this tab's view is in it (only the selected tab's view is): a filter on
     * the scene, moved when the view moves and removed when the tab is disposed.
     */
    private void sendShortcuts(Subscriptions subscriptions) {
        EventHandler<KeyEvent> shortcut = event -> {
            int number = digit(event.getCode());
            if (number > 0 && event.isShortcutDown() && !event.isAltDown() && !event.isShiftDown()) {
                revealIfRefused(model.sendShortcut(number));
                event.consume();
            }
        };
        AtomicReference<Scene> attached = new AtomicReference<>();
        Runnable detach = () -> {
            Scene scene = attached.getAndSet(null);
            if (scene != null) {
                scene.removeEventFilter(KeyEvent.KEY_PRESSED, shortcut);
            }
        };
        // Save… sits under Send, in the tab's view whether the panel is open or not.
        subscriptions.subscribe(save.sceneProperty(), scene -> {
            detach.run();
            if (scene != null) {
                scene.addEventFilter(KeyEvent.KEY_PRESSED, shortcut);
                attached.set(scene);
            }
        });
        subscriptions.add(detach::run);
    }

    /**
     * A refusal (not connected, invalid editor input) is said in the panel's status line, so the panel opens to show
     * it when it was closed: a send from Ctrl+1…9 is never dropped without a word.
     */
    private void revealIfRefused(boolean done) {
        if (!done && model.status().isError()) {
            toggle.setSelected(true);
        }
    }

    private static int digit(KeyCode code) {
        return switch (code) {
            case DIGIT1, NUMPAD1 -> 1;
            case DIGIT2, NUMPAD2 -> 2;
            case DIGIT3, NUMPAD3 -> 3;
            case DIGIT4, NUMPAD4 -> 4;
            case DIGIT5, NUMPAD5 -> 5;
            case DIGIT6, NUMPAD6 -> 6;
            case DIGIT7, NUMPAD7 -> 7;
            case DIGIT8, NUMPAD8 -> 8;
            case DIGIT9, NUMPAD9 -> 9;
            default -> 0;
        };
    }

    private static Button smallButton(String id, String text, String tooltip) {
        Button button = new Button(text);
        button.setId(id);
        button.getStyleClass().add("small-button");
        button.setMinWidth(Region.USE_PREF_SIZE);
        Tips.install(button, tooltip);
        // The icon-only ones (✕ ▲ ▼) are read out by what they do.
        button.setAccessibleText(tooltip);
        return button;
    }

    private Window window() {
        return root == null || root.getScene() == null ? null : root.getScene().getWindow();
    }

    /**
     * Makes the panel the last item of {@code split} while the toggle is selected, keeping the other dividers where
     * they are, as the socket panel does.
     */
    public void attachTo(SplitPane split, Subscriptions subscriptions) {
        // The panel is built and attached when it first opens; from then on SidePanels adds and removes it.
        boolean[] attached = {false};
        subscriptions.subscribe(toggle.selectedProperty(), open -> {
            if (open && !attached[0]) {
                attached[0] = true;
                SidePanels.attach(split, root(), toggle, WIDTH, subscriptions);
            }
        });
    }

    /**
     * Save… beside the messages toggle, for the column under the send editor's Send button. Ctrl+1…9 work while
     * this row is in a window (it is part of the tab's view, which is in the window only while the tab is shown).
     */
    public Node besideSend() {
        HBox row = new HBox(4, save, toggle);
        HBox.setHgrow(save, Priority.ALWAYS);
        HBox.setHgrow(toggle, Priority.ALWAYS);
        return row;
    }

    public ToggleButton toggle() {
        return toggle;
    }

    public Button saveButton() {
        return save;
    }

    public MessagesPanelModel model() {
        return model;
    }

    public ListView<SavedMessage> listView() {
        root();
        return list;
    }

    public Node view() {
        return root();
    }
}
