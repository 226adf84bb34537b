package com.socketworkbench.ui.messages;

import com.socketworkbench.ui.fx.Subscriptions;
import com.socketworkbench.ui.tab.TabLayout;
import javafx.beans.binding.Bindings;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;

/**
 * The name-and-note form at the top of the messages panel ({@code messageForm}): name ({@code messageName}), note
 * ({@code messageNote}), why the name was refused ({@code messageProblem}), Save or Rename ({@code confirmMessage}),
 * Replace while the name is taken ({@code replaceMessage}) and Cancel ({@code cancelMessage}). Enter confirms,
 * Escape cancels.
 */
final class MessageFormView {
    private final TextField name = new TextField();
    private final VBox root;

    MessageFormView(MessagesPanelModel model, Subscriptions subscriptions) {
        MessageForm form = model.form();
        Label title = new Label();
        title.getStyleClass().add("section-title");
        subscriptions.bind(title.textProperty(), Bindings.createStringBinding(
                () -> form.mode() == MessageForm.Mode.EDIT ? "Rename, or change the note" : "Save the editor's message",
                form.modeProperty()));

        name.setId("messageName");
        name.setPromptText("Name");
        subscriptions.bindBidirectional(name.textProperty(), form.nameProperty());
        TextField note = new TextField();
        note.setId("messageNote");
        note.setPromptText("Note (optional): what it is for");
        subscriptions.bindBidirectional(note.textProperty(), form.noteProperty());

        Button confirm = new Button();
        confirm.setId("confirmMessage");
        confirm.getStyleClass().addAll("accent", "small-button");
        subscriptions.bind(confirm.textProperty(), Bindings.createStringBinding(
                () -> form.mode() == MessageForm.Mode.EDIT ? "Apply" : "Save", form.modeProperty()));
        confirm.setOnAction(event -> model.confirmForm());
        Button replace = new Button("Replace");
        replace.setId("replaceMessage");
        replace.getStyleClass().addAll("danger", "small-button");
        replace.setTooltip(new Tooltip("Overwrite the message of that name with the editor's message"));
        replace.setOnAction(event -> model.replaceExisting());
        TabLayout.showWhen(replace, form.nameTakenProperty(), subscriptions);
        Button cancel = new Button("Cancel");
        cancel.setId("cancelMessage");
        cancel.getStyleClass().add("small-button");
        cancel.setOnAction(event -> model.cancelForm());

        for (Node field : new Node[]{name, note}) {
            field.addEventHandler(KeyEvent.KEY_PRESSED, event -> {
                if (event.getCode() == KeyCode.ENTER) {
                    model.confirmForm();
                    event.consume();
                } else if (event.getCode() == KeyCode.ESCAPE) {
                    model.cancelForm();
                    event.consume();
                }
            });
        }

        FlowPane buttons = new FlowPane(6, 4, confirm, replace, cancel);
        root = new VBox(4, title, name, note,
                TabLayout.errorLabel("messageProblem", form.problemProperty(), subscriptions), buttons);
        root.setId("messageForm");
        root.getStyleClass().add("message-form");
        TabLayout.showWhen(root, form.modeProperty().isNotEqualTo(MessageForm.Mode.CLOSED), subscriptions);
        subscriptions.subscribe(form.modeProperty(), mode -> {
            if (mode != MessageForm.Mode.CLOSED) {
                name.requestFocus();
                name.selectAll();
            }
        });
    }

    Node view() {
        return root;
    }
}
