package com.socketworkbench.ui.stream;

import com.socketworkbench.ui.fx.Subscriptions;
import com.socketworkbench.ui.input.FieldCheck;

import com.socketworkbench.engine.net.UnixSocketPaths;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * The file path of a Unix domain socket ({@code unixPath}), validated live with the engine's rules (not empty, not
 * longer than the system's socket path limit) with an inline message ({@code unixPathMessage}) and a ControlsFX
 * decoration. Whether a file is in the way is found out when starting or connecting.
 */
public final class UnixPathField {
    public static final String DEFAULT_PATH = "/tmp/socket-workbench.sock";

    private final TextField field = new TextField();
    private final Label message = new Label();
    private final FieldCheck check;

    /** @param listening true for a server (it creates the file), false for a client (it connects to it) */
    public UnixPathField(boolean listening, String initial, Subscriptions subscriptions) {
        field.setId("unixPath");
        field.setPrefColumnCount(22);
        field.setPromptText(DEFAULT_PATH);
        field.setTooltip(new Tooltip(listening
                ? "The socket file to create, e.g. " + DEFAULT_PATH + ". It is removed again when the server stops."
                : "The socket file a server listens on, e.g. " + DEFAULT_PATH));
        message.setId("unixPathMessage");
        message.getStyleClass().add("field-error");
        field.setText(initial);
        check = new FieldCheck(field, message, text -> FieldCheck.Verdict.error(problem(text)), subscriptions);
    }

    /** The problem with {@code text} as a socket path in plain words, or empty when it can be used. */
    public static String problem(String text) {
        String trimmed = text == null ? "" : text.strip();
        try {
            UnixSocketPaths.validate(trimmed.isEmpty() ? null : Path.of(trimmed));
            return "";
        } catch (InvalidPathException e) {
            return "'" + trimmed + "' is not a valid file path: " + e.getReason();
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    /** The path as typed, without surrounding blanks. */
    public String text() {
        return field.getText() == null ? "" : field.getText().strip();
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

    public boolean isValid() {
        return check.validProperty().get();
    }
}
