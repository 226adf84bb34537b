package com.socketworkbench.ui.messages;

import com.socketworkbench.engine.text.Texts;
import com.socketworkbench.ui.fx.Subscriptions;
import com.socketworkbench.ui.fx.Tips;
import com.socketworkbench.ui.tab.TabLayout;
import javafx.beans.binding.Bindings;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
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
    private static final Texts TEXT = Texts.bundle("com.socketworkbench.ui.messages.messages");
    private final TextField name = new TextField();
    private final VBox root;

    MessageFormView(MessagesPanelModel model, Subscriptions subscriptions) {
        MessageForm form = model.form();
        Label title = new Label();
        title.getStyleClass().add("section-title");
        subscriptions.bind(title.textProperty(), Bindings.createStringBinding(
                () -> form.mode() == MessageForm.Mode.EDIT ? TEXT.get("form.title.edit") : TEXT.get("form.title.save"),
                form.modeProperty()));

        name.setId("messageName");
        name.setPromptText(TEXT.get("form.name.prompt"));
        subscriptions.bindBidirectional(name.textProperty(), form.nameProperty());
        TextField note = new TextField();
        note.setId("messageNote");
        note.setPromptText(TEXT.get("form.note.prompt"));
        subscriptions.bindBidirectional(note.textProperty(), form.noteProperty());

        Button confirm = new Button();
        confirm.setId("confirmMessage");
        confirm.getStyleClass().addAll("accent", "small-button");
        subscriptions.bind(confirm.textProperty(), Bindings.createStringBinding(
                () -> form.mode() == MessageForm.Mode.EDIT ? TEXT.get("form.apply") : TEXT.get("form.save"), form.modeProperty()));
        confirm.setOnAction(event -> model.confirmForm());
        Button replace = new Button(TEXT.get("form.replace"));
        replace.setId("replaceMessage");
        replace.getStyleClass().addAll("danger", "small-button");
        Tips.install(replace, TEXT.get("form.replace.tooltip"));
        replace.setOnAction(event -> model.replaceExisting());
        TabLayout.showWhen(replace, form.nameTakenProperty(), subscriptions);
        Button cancel = new Button(TEXT.get("form.cancel"));
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
