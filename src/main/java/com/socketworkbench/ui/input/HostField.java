package com.socketworkbench.ui.input;

import com.socketworkbench.ui.fx.Subscriptions;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;

/**
 * A remote host field (id {@code host}, or another the tab gives): a name or an IPv4/IPv6 literal, validated live
 * (non-empty, no spaces) with an inline message (the field's id + {@code Message}: {@code hostMessage}) and a
 * ControlsFX decoration. Whether the name resolves is the engine's business when connecting.
 */
public final class HostField {
    private final TextField field = new TextField();
    private final Label message = new Label();
    private final FieldCheck check;

    /** @param id the field's id ({@code host}, {@code targetHost}); its message label's is {@code id + "Message"} */
    public HostField(String id, String initial, Subscriptions subscriptions) {
        field.setId(id);
        field.setPrefColumnCount(16);
        field.setTooltip(new Tooltip("Host name or address: localhost, 127.0.0.1, ::1, example.org"));
        message.setId(id + "Message");
        message.getStyleClass().add("field-error");
        field.setText(initial);
        check = new FieldCheck(field, message, text -> FieldCheck.Verdict.error(problem(text)), subscriptions);
    }

    /** The problem with {@code text} as a host in plain words, or empty when it is acceptable. */
    public static String problem(String text) {
        String host = text == null ? "" : text.strip();
        if (host.isEmpty()) {
            return "Enter a host name or address, e.g. 127.0.0.1";
        }
        if (host.chars().anyMatch(Character::isWhitespace)) {
            return "A host name cannot contain spaces";
        }
        return "";
    }

    /** The host with surrounding blanks and IPv6 brackets removed ("[::1]" → "::1"). */
    public String host() {
        String host = field.getText() == null ? "" : field.getText().strip();
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        return host;
    }

    public TextField field() {
        return field;
    }

    public Label messageLabel() {
        return message;
    }

    public ReadOnlyBooleanProperty validProperty() {
        return check.validProperty();
    }
}
