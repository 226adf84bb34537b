package com.socketworkbench.ui.input;

import com.socketworkbench.ui.fx.Subscriptions;
import com.socketworkbench.ui.fx.Tips;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;

/**
 * The field of a {@link PortInput} (id {@code port}, or another the tab gives): its text is the input's, its inline
 * message (the field's id + {@code Message}: {@code portMessage}) and ControlsFX decoration show the input's verdict
 * (an error, or for listeners the privileged-port hint).
 */
public final class PortField {
    private final TextField field = new TextField();
    private final Label message = new Label();

    /**
     * @param id the field's id ({@code port}, {@code targetPort}); its message label's is {@code id + "Message"}
     */
    public PortField(String id, PortInput input, Subscriptions subscriptions) {
        field.setId(id);
        field.setPrefColumnCount(6);
        field.getStyleClass().add("port-field");
        Tips.install(field, InputTexts.TEXT.get(input.listening()
                ? "port.tooltip.listen" : "port.tooltip.reach"));
        message.setId(id + "Message");
        message.setWrapText(false);
        subscriptions.bindBidirectional(field.textProperty(), input.textProperty());
        FieldMessage.show(field, message, input.verdictProperty(), subscriptions);
    }

    public TextField field() {
        return field;
    }

    /** The inline message: an error, the privileged-port hint, or hidden. */
    public Label messageLabel() {
        return message;
    }
}
