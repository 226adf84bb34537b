package com.socketworkbench.ui.stream;

import com.socketworkbench.ui.fx.Subscriptions;
import com.socketworkbench.ui.fx.Tips;
import com.socketworkbench.ui.input.FieldMessage;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;

/**
 * The field of a {@link UnixPathInput} ({@code unixPath}): its text is the input's, its inline message
 * ({@code unixPathMessage}) and ControlsFX decoration show the input's verdict.
 */
public final class UnixPathField {
    private final TextField field = new TextField();
    private final Label message = new Label();

    /** @param listening true for a server (it creates the file), false for a client (it connects to it) */
    public UnixPathField(boolean listening, UnixPathInput input, Subscriptions subscriptions) {
        field.setId("unixPath");
        field.setPrefColumnCount(22);
        field.setPromptText(UnixPathInput.DEFAULT_PATH);
        Tips.install(field, listening
                ? StreamText.TEXT.get("unix.path.server.tooltip", UnixPathInput.DEFAULT_PATH)
                : StreamText.TEXT.get("unix.path.client.tooltip", UnixPathInput.DEFAULT_PATH));

        message.setId("unixPathMessage");
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
