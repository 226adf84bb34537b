package com.socketworkbench.ui.input;

import com.socketworkbench.ui.fx.Subscriptions;
import com.socketworkbench.ui.fx.Tips;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;

/**
 * The field of a {@link HostInput} (id {@code host}, or another the tab gives): its text is the input's, its inline
 * message (the field's id + {@code Message}: {@code hostMessage}) and ControlsFX decoration show the input's verdict.
 */
public final class HostField {
    private final TextField field = new TextField();
    private final Label message = new Label();

    /** @param id the field's id ({@code host}, {@code targetHost}); its message label's is {@code id + "Message"} */
    public HostField(String id, HostInput input, Subscriptions subscriptions) {
        field.setId(id);
        field.setPrefColumnCount(16);
        Tips.install(field, InputTexts.TEXT.get("host.tooltip"));
        message.setId(id + "Message");
        subscriptions.bindBidirectional(field.textProperty(), input.textProperty());
        FieldMessage.show(field, message, input.verdictProperty(), subscriptions);
    }

    public TextField field() {
        return field;
    }

    public Label messageLabel() {
        return message;
    }
}
